// SPDX-License-Identifier: GPL-3.0-or-later
// rapport_holder: a stand-in for the desktop app in the multi-process and crash tests. It is not part of
// the product and is not installed.
//
// Why it exists: the data-loss bug these tests prove was "the desktop app is open on F, a command-line
// run on F ends, and SQLite deletes F-wal and F-shm from under the app". The app opens several
// connections to one file — its main one, the score-board loader, and a worker per import, export, bulk
// edit or dashboard computation (ui/session/DatabaseSession.cpp, ui/jobs/DatabaseJob.cpp,
// ui/dashboard/DashboardComputation.cpp, ui/importing/ImportWizard.cpp, ui/exporting/ExportDialog.cpp) — and
// anything that closes a descriptor of F in the process (a QFile, for instance) drops every POSIX lock the
// process holds on it. A GUI test cannot be driven from another process, so this program opens the database
// exactly the way the app does, with the same core classes, and takes commands from the test on stdin:
//
//   rapport_holder FILE                      hold FILE open; answer one line per command:
//     reopen [N]          open and close another connection on a worker thread N times (default 1),
//                         reading the score board or a count like the app's workers -> "reopened N"
//     log CONTACT [TEXT]  log a call through ConversationLog + ScoringEngine on the main connection
//                         -> "logged ID"
//     count               -> "count N", the number of interactions the main connection sees
//     find TEXT           -> "found ID[,ID...]" or "found none": interactions whose summary is TEXT
//     fds                 -> "fds wal=STATE shm=STATE", STATE being open, deleted (the process still
//                         has the file open but it is gone from the folder) or closed
//     quit                -> "bye reads=N failures=M" (the read cycle below), then exits 0
//   Anything that fails answers "error: MESSAGE". End of input quits too, so a test that dies takes the
//   holder with it.
//
//   rapport_holder make-old-schema FILE [CONTACTS]
//     creates FILE at the schema version before the current one (currentSchemaVersion() - 1), through
//     the migrations list only, with a team member and CONTACTS contacts (default 20000), so that the
//     crash test can kill the command that upgrades it.
//
// Besides the commands, the main connection runs a read transaction every 100 ms (BEGIN DEFERRED;
// SELECT count(*); COMMIT), as the app's change watcher and views read between edits.
#include "core/base/Clock.h"
#include "core/scoring/ScoreBoard.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/ConversationLog.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "tests/multiprocess/OpenFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace rapport;

namespace {

void answer(const QString& line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

class Holder
{
public:
    explicit Holder(std::unique_ptr<Database> db)
        : m_db(std::move(db))
    {}

    // One command line from the test; always answers exactly one line.
    void handle(const QString& line)
    {
        const QString command = line.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
        const QString rest = line.section(QLatin1Char(' '), 1, -1, QString::SectionSkipEmpty);
        if (command == QLatin1String("reopen")) {
            const int times = rest.isEmpty() ? 1 : rest.toInt();
            const Status reopened = reopen(times);
            answer(reopened ? QStringLiteral("reopened %1").arg(times)
                            : QStringLiteral("error: %1").arg(reopened.error().message));
        } else if (command == QLatin1String("log")) {
            log(rest.section(QLatin1Char(' '), 0, 0).toLongLong(), rest.section(QLatin1Char(' '), 1));
        } else if (command == QLatin1String("count")) {
            count();
        } else if (command == QLatin1String("find")) {
            find(rest);
        } else if (command == QLatin1String("fds")) {
            answer(QStringLiteral("fds wal=%1 shm=%2")
                       .arg(fileState(QStringLiteral("-wal")), fileState(QStringLiteral("-shm"))));
        } else if (command == QLatin1String("quit")) {
            quit();
        } else {
            answer(QStringLiteral("error: unknown command '%1'").arg(line));
        }
    }

    // The read transaction the app's views and change watcher run between edits.
    void readCycle()
    {
        ++m_reads;
        Transaction read(*m_db, TransactionMode::Read);
        Status status = read.status();
        if (status) {
            const Result<QVariant> n = m_db->scalar(QStringLiteral("SELECT count(*) FROM interactions"));
            status = n ? read.commit() : Status(n.error());
        }
        if (!status) {
            ++m_failures;
            std::fprintf(stderr, "rapport_holder: read cycle failed: %s\n",
                         status.error().message.toUtf8().constData());
        }
    }

    void quit()
    {
        answer(QStringLiteral("bye reads=%1 failures=%2").arg(m_reads).arg(m_failures));
        m_db.reset();
        QCoreApplication::exit(0);
    }

    bool open() const { return m_db != nullptr; }

    // A worker the way the app starts one: its own connection, opened on its own thread, used, closed.
    Status reopen(int times)
    {
        for (int i = 0; i < times; ++i) {
            Status status;
            std::unique_ptr<QThread> worker(QThread::create([&status, path = m_db->path(), i] {
                Result<std::unique_ptr<Database>> db = Database::open(path);
                if (!db) {
                    status = db.error();
                    return;
                }
                // Even rounds read like the score-board loader, odd ones like an export or the dashboard.
                if (i % 2 == 0) {
                    const Result<ScoreBoard> board = ScoreBoard::load(**db);
                    status = board ? Status() : Status(board.error());
                } else {
                    const Result<QVariant> n = (*db)->scalar(QStringLiteral("SELECT count(*) FROM contacts"));
                    status = n ? Status() : Status(n.error());
                }
            }));
            worker->start();
            worker->wait();
            if (!status)
                return status;
        }
        return {};
    }

private:
    void log(qint64 contactId, const QString& summary)
    {
        // The settings are read inside the write transaction: another process may have changed them
        // since this one started, and a state computed with old settings would fail `rapport check`.
        Transaction transaction(*m_db);
        if (!transaction.status())
            return answer(QStringLiteral("error: %1").arg(transaction.status().error().message));
        Result<ScoringEngine> engine = ScoringEngine::open(*m_db);
        if (!engine)
            return answer(QStringLiteral("error: %1").arg(engine.error().message));
        Interaction interaction;
        interaction.contactId = contactId;
        interaction.occurredAt = Clock::nowSeconds();
        interaction.channel = Channel::Call;
        interaction.direction = Direction::Outbound;
        interaction.summary = summary;
        const Result<qint64> id = ConversationLog(*m_db, *engine).log(interaction);
        if (!id)
            return answer(QStringLiteral("error: %1").arg(id.error().message));
        if (Status committed = transaction.commit(); !committed)
            return answer(QStringLiteral("error: %1").arg(committed.error().message));
        answer(QStringLiteral("logged %1").arg(*id));
    }

    void count()
    {
        const Result<QVariant> n = m_db->scalar(QStringLiteral("SELECT count(*) FROM interactions"));
        answer(n ? QStringLiteral("count %1").arg(n->toLongLong())
                 : QStringLiteral("error: %1").arg(n.error().message));
    }

    void find(const QString& summary)
    {
        QSqlQuery query =
            m_db->prepare(QStringLiteral("SELECT id FROM interactions WHERE summary = ? ORDER BY id"));
        query.addBindValue(summary);
        if (Status ran = Database::run(query); !ran)
            return answer(QStringLiteral("error: %1").arg(ran.error().message));
        QStringList ids;
        while (query.next())
            ids << query.value(0).toString();
        answer(QStringLiteral("found %1")
                   .arg(ids.isEmpty() ? QStringLiteral("none") : ids.join(QLatin1Char(','))));
    }

    QString fileState(const QString& suffix) const
    {
        return mptest::openFileState(QStringLiteral("/proc/self/fd"), m_db->path() + suffix);
    }

    std::unique_ptr<Database> m_db;
    qint64 m_reads = 0;
    qint64 m_failures = 0;
};

int hold(QCoreApplication& app, const QString& path)
{
    // The main connection, then the score-board loader, as DatabaseSession::open does.
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "rapport_holder: %s\n", db.error().message.toUtf8().constData());
        return 3;
    }
    Holder holder(std::move(*db));

    QTimer reads;
    QObject::connect(&reads, &QTimer::timeout, &app, [&holder] {
        if (holder.open())
            holder.readCycle();
    });
    reads.start(100);

    // Commands arrive on stdin; a notifier keeps everything on the main thread, which owns the main
    // connection.
    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t length = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (length <= 0) { // end of input: the test is gone
            input.setEnabled(false);
            if (holder.open())
                holder.quit();
            return;
        }
        pending.append(buffer, length);
        for (qsizetype end = pending.indexOf('\n'); end >= 0 && holder.open(); end = pending.indexOf('\n')) {
            const QString line = QString::fromUtf8(pending.left(end)).trimmed();
            pending.remove(0, end + 1);
            if (!line.isEmpty())
                holder.handle(line);
        }
        if (!holder.open()) {
            input.setEnabled(false);
            reads.stop();
        }
    });

    if (Status loaded = holder.reopen(1); !loaded) { // the score-board loader
        std::fprintf(stderr, "rapport_holder: %s\n", loaded.error().message.toUtf8().constData());
        return 3;
    }
    answer(QStringLiteral("ready"));
    return app.exec();
}

// A file at schema version currentSchemaVersion() - 1 with some contacts, built from the migrations
// list alone (Database::open would upgrade it).
int makeOldSchema(const QString& path, int contacts)
{
    const int version = currentSchemaVersion() - 1;
    if (version < 1) {
        std::fprintf(stderr, "rapport_holder: there is no schema version before %d\n",
                     currentSchemaVersion());
        return 1;
    }
    if (QFileInfo::exists(path)) {
        std::fprintf(stderr, "rapport_holder: '%s' exists already\n", path.toUtf8().constData());
        return 1;
    }
    int status = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        auto exec = [&db, &status](const QString& sql) {
            QSqlQuery query(db);
            if (status == 0 && !query.exec(sql)) {
                std::fprintf(stderr, "rapport_holder: %s: %s\n", sql.left(80).toUtf8().constData(),
                             query.lastError().text().toUtf8().constData());
                status = 3;
            }
            return status == 0;
        };
        if (!db.open()) {
            std::fprintf(stderr, "rapport_holder: cannot create '%s'\n", path.toUtf8().constData());
            return 3;
        }
        exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(QStringLiteral("BEGIN"));
        for (const Migration& migration : migrations()) {
            for (const QString& statement : migration.statements) {
                if (migration.version <= version)
                    exec(statement);
            }
        }
        exec(QStringLiteral("PRAGMA application_id=%1").arg(rapportApplicationId));
        exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
        // Columns of schema version 1, which every later version still has.
        const qint64 now = Clock::nowSeconds();
        exec(QStringLiteral("INSERT INTO team_members (id, name, created_at) VALUES (1, 'Old Owner', %1)")
                 .arg(now));
        const QString numbers =
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ")
                .arg(contacts);
        exec(numbers +
             QStringLiteral("INSERT INTO contacts (id, display_name, owner_id, created_at, updated_at)"
                            " SELECT i, 'Old Contact ' || i, 1, %1, %1 FROM n")
                 .arg(now));
        exec(numbers +
             QStringLiteral(
                 "INSERT INTO contact_methods (contact_id, kind, value, normalized)"
                 " SELECT i, 'email', 'old' || i || '@example.org', 'old' || i || '@example.org' FROM n"));
        exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    if (status == 0)
        answer(QStringLiteral("schema version %1, %2 contacts").arg(version).arg(contacts));
    return status;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.size() >= 2 && arguments.at(0) == QLatin1String("make-old-schema"))
        return makeOldSchema(arguments.at(1), arguments.size() > 2 ? arguments.at(2).toInt() : 20000);
    if (arguments.size() == 1 && !arguments.at(0).startsWith(QLatin1Char('-')))
        return hold(app, arguments.at(0));
    std::fprintf(stderr, "usage: rapport_holder FILE | rapport_holder make-old-schema FILE [CONTACTS]\n");
    return 1;
}
