// SPDX-License-Identifier: GPL-3.0-or-later
// The open window re-reads what other programs commit to its file, by itself within a few seconds, and
// does not mistake the commits of its own workers (other connections of this process) for theirs.
#include "core/services/ConversationLog.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/ContactsPage.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace rapport;
using namespace rapport::test;

namespace {

Interaction callWith(qint64 contactId)
{
    Interaction interaction;
    interaction.contactId = contactId;
    interaction.occurredAt = testNow - 600;
    interaction.channel = Channel::Call;
    interaction.direction = Direction::Mutual;
    return interaction;
}

// Writes through a connection of its own, as another program would: with `raiseRevision`, as another
// Rapport process does on every commit; without, as the sqlite3 shell does.
void writeAsAnotherProgram(const QString& path, bool raiseRevision)
{
    rawExecute(path, raiseRevision ? "BEGIN IMMEDIATE; UPDATE contacts SET title = 'Maintainer' WHERE id = 1;"
                                     " UPDATE commit_revision SET n = n + 1; COMMIT"
                                   : "UPDATE contacts SET title = 'Reviewer' WHERE id = 2");
}

} // namespace

TEST_CASE("A worker's commit is not an outside change, another program's is", "[ui][session][outside]")
{
    UiFixture fixture(40, 400);
    ui::DatabaseSession& session = fixture.session();
    QSignalSpy resets(&session, &ui::DatabaseSession::contactsReset);

    // A worker of this process: its own connection, its own commit.
    {
        std::unique_ptr<Database> worker = fixture.openDatabase();
        ScoringEngine engine = require(ScoringEngine::open(*worker));
        require(ConversationLog(*worker, engine).log(callWith(3)));
    }
    session.checkForOutsideChanges();
    CHECK(resets.count() == 0);
    // The session's own connection commits too; its revision is accounted for as well.
    require(ConversationLog(session.database(), session.engine()).log(callWith(4)));
    session.contactTouched(4);
    session.checkForOutsideChanges();
    CHECK(resets.count() == 0);

    writeAsAnotherProgram(fixture.path(), true);
    session.checkForOutsideChanges();
    CHECK(resets.count() == 1);
    session.checkForOutsideChanges();
    CHECK(resets.count() == 1);

    writeAsAnotherProgram(fixture.path(), false);
    session.checkForOutsideChanges();
    CHECK(resets.count() == 2);

    // A worker's commit and another program's between two looks: the outside one wins.
    {
        std::unique_ptr<Database> worker = fixture.openDatabase();
        ScoringEngine engine = require(ScoringEngine::open(*worker));
        require(ConversationLog(*worker, engine).log(callWith(5)));
    }
    writeAsAnotherProgram(fixture.path(), true);
    session.checkForOutsideChanges();
    CHECK(resets.count() == 3);
}

TEST_CASE("A conversation logged by the command line shows in the open window without F5",
          "[ui][session][outside]")
{
    UiFixture fixture(40, 400);
    ui::MainWindow window(fixture.openDatabase());
    window.show();
    window.session()->waitForScores();
    ui::ContactTableModel* model = window.findChild<rapport::ui::ContactsPage*>()->tableModel();
    const auto lastContactShown = [model] {
        return model->index(model->indexOfContact(7).row(), ui::ContactTableModel::LastContactColumn)
            .data()
            .toString();
    };
    // After the demo's newest conversation, so that it becomes this contact's last contact.
    const QDateTime at = QDateTime::fromSecsSinceEpoch(testNow - 120, Qt::UTC);
    const QString expected = QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat);
    const QString before = lastContactShown();
    REQUIRE(before != expected);

    QProcess log;
    log.start(QStringLiteral(RAPPORT_BINARY),
              {QStringLiteral("log"), QStringLiteral("--database"), fixture.path(),
               QStringLiteral("--contact"), QStringLiteral("7"), QStringLiteral("--channel"),
               QStringLiteral("chat"), QStringLiteral("--direction"), QStringLiteral("inbound"),
               QStringLiteral("--at"), at.toString(Qt::ISODate)});
    REQUIRE(log.waitForFinished(30000));
    INFO(log.readAllStandardError().toStdString());
    REQUIRE(log.exitCode() == 0);
    // The window's watch looks every two seconds; nobody presses F5 here.
    CHECK(QTest::qWaitFor([&] { return lastContactShown() == expected; }, 8000));
}
