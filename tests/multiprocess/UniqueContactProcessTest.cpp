// SPDX-License-Identifier: GPL-3.0-or-later
// Two `rapport add-contact` runs with the same email at the same moment: exactly one may create the
// contact. Before the check moved inside the write transaction (and a unique index backed it), both
// looked, found no one, and both created a contact (13 of 20 pairs on a two-core machine).
#include "tests/multiprocess/ProcessSupport.h"

#include <QTemporaryDir>

using namespace rapport::mptest;

namespace {

QProcess* startAddContact(const QString& file, const QString& name, const QString& email)
{
    auto* process = new QProcess;
    process->setProgram(QStringLiteral(RAPPORT_BINARY));
    process->setArguments({QStringLiteral("add-contact"), QStringLiteral("--database"), file,
                           QStringLiteral("--name"), name, QStringLiteral("--email"), email});
    process->start();
    return process;
}

} // namespace

TEST_CASE("Concurrent add-contact runs with one email create one contact", "[multiprocess][uniqueness]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("people.sqlite3"));
    rapportOk(file, QStringLiteral("add-contact"), {QStringLiteral("--name"), QStringLiteral("First")});

    constexpr int pairs = 20;
    for (int pair = 0; pair < pairs; ++pair) {
        const QString email = QStringLiteral("person%1@example.org").arg(pair);
        std::unique_ptr<QProcess> a(startAddContact(file, QStringLiteral("A %1").arg(pair), email));
        std::unique_ptr<QProcess> b(startAddContact(file, QStringLiteral("B %1").arg(pair), email.toUpper()));
        for (QProcess* process : {a.get(), b.get()}) {
            REQUIRE(process->waitForFinished(60000));
            REQUIRE(process->exitStatus() == QProcess::NormalExit);
        }
        const QList<int> codes{a->exitCode(), b->exitCode()};
        INFO("pair "
             << pair << ": exit codes " << codes.at(0) << ", " << codes.at(1) << "; "
             << QString::fromUtf8(a->readAllStandardError() + b->readAllStandardError()).toStdString());
        REQUIRE(codes.count(0) == 1);
        REQUIRE(codes.count(2) == 1);
    }
    CHECK(sqlite(file, QStringLiteral("SELECT count(*) FROM contacts")) == QString::number(pairs + 1));
    CHECK(sqlite(file, QStringLiteral("SELECT count(*) FROM contact_methods WHERE kind = 'email'")) ==
          QString::number(pairs));
    rapportOk(file, QStringLiteral("check"));
}
