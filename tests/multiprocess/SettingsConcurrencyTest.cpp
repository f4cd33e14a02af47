// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport settings --set` next to other settings changes and `rapport log` runs on one file. The bug
// this proves fixed: every command read the scoring settings when it opened the file, outside its write
// transaction, so a change committed meanwhile by another process was undone (its keys written back
// with the values read before), or a log or a rebuild used the old half-life, and `rapport check` then
// found the stored states disagreeing with the log.
#include "tests/multiprocess/ProcessSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <memory>
#include <vector>

using namespace rapport::mptest;

namespace {

// Large enough that rebuilding every state after a change of half-life or alpha takes a noticeable
// part of a second, so that the other commands start while one holds the write lock.
const QStringList demoArguments{QStringLiteral("--contacts"),     QStringLiteral("5000"),
                                QStringLiteral("--interactions"), QStringLiteral("100000"),
                                QStringLiteral("--seed"),         QStringLiteral("11")};
constexpr int logRuns = 20;
constexpr int waitMs = 60000;

// One shell script run as `sh -c SCRIPT sh RAPPORT FILE LOG_RUNS`; its stdout and stderr go to files
// named after it.
struct Script
{
    QString name;
    QString body;
};

QString readText(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST_CASE("Settings changes and logs from concurrent processes all survive", "[multiprocess][settings]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("shared.sqlite3"));
    rapportOk(file, QStringLiteral("demo"), demoArguments, 120000);

    // Each script notes a failed run on stderr and exits 1 after its last run.
    const std::vector<Script> scripts{
        {QStringLiteral("half-life"),
         QStringLiteral("\"$1\" settings --database \"$2\" --set half_life_days=30 >/dev/null || "
                        "{ echo \"half-life: exit $?\" >&2; exit 1; }\n")},
        // Another key's changes, some of which rebuild (alpha) and some of which do not (the trust
        // weight); the last of each is what must be stored at the end.
        {QStringLiteral("other-keys"),
         QStringLiteral(
             "failed=0\n"
             "for change in cadence_alpha=0.4 weight_trust=0.1 cadence_alpha=0.5 weight_trust=0.2; do\n"
             "  \"$1\" settings --database \"$2\" --set $change >/dev/null || "
             "{ echo \"$change: exit $?\" >&2; failed=1; }\n"
             "done\n"
             "exit $failed\n")},
        {QStringLiteral("logs"),
         QStringLiteral("i=1; failed=0\n"
                        "while [ $i -le \"$3\" ]; do\n"
                        "  \"$1\" log --database \"$2\" --contact $(( i * 37 % 5000 + 1 )) --channel chat"
                        " --direction outbound --summary \"concurrent-$i\" || "
                        "{ echo \"log $i: exit $?\" >&2; failed=1; }\n"
                        "  i=$((i + 1))\n"
                        "done\n"
                        "exit $failed\n")},
    };
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const Script& script : scripts) {
        auto process = std::make_unique<QProcess>();
        process->setStandardOutputFile(dir.filePath(script.name + QStringLiteral(".out")));
        process->setStandardErrorFile(dir.filePath(script.name + QStringLiteral(".err")));
        process->setProgram(QStringLiteral("/bin/sh"));
        process->setArguments({QStringLiteral("-c"), script.body, QStringLiteral("sh"),
                               QStringLiteral(RAPPORT_BINARY), file, QString::number(logRuns)});
        processes.push_back(std::move(process));
    }
    for (std::size_t i = 0; i < processes.size(); ++i) {
        processes[i]->start();
        INFO("starting " << scripts[i].name.toStdString());
        REQUIRE(processes[i]->waitForStarted(30000));
    }
    for (std::size_t i = 0; i < processes.size(); ++i) {
        INFO(scripts[i].name.toStdString());
        if (!processes[i]->waitForFinished(waitMs)) {
            processes[i]->kill();
            processes[i]->waitForFinished(10000);
            FAIL(scripts[i].name.toStdString()
                 << " still ran after " << waitMs / 1000 << " s and was killed");
        }
        const QString err = readText(dir.filePath(scripts[i].name + QStringLiteral(".err")));
        INFO("stderr: " << err.toStdString());
        CHECK(processes[i]->exitStatus() == QProcess::NormalExit);
        CHECK(processes[i]->exitCode() == 0);
        CHECK(err.trimmed().isEmpty());
    }
    CHECK(readText(dir.filePath(QStringLiteral("logs.out"))).count(QStringLiteral("logged interaction ")) ==
          logRuns);

    const Finished shown = rapportOk(file, QStringLiteral("settings"));
    CHECK(shown.out.contains(QStringLiteral("half_life_days = 30\n")));
    CHECK(shown.out.contains(QStringLiteral("cadence_alpha = 0.5\n")));
    CHECK(shown.out.contains(QStringLiteral("weight_trust = 0.2\n")));
    const Finished checked = rapportOn(file, QStringLiteral("check"));
    INFO(describe(checked) << "\n" << checked.out.toStdString());
    CHECK(checked.exitCode == 0);
}
