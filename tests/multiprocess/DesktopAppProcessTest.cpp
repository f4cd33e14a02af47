// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app itself — `rapport` without a command, offscreen — holding a database open while
// command-line runs read and write the same file: the reproduction of the lock-dropping bug with the
// real GUI rather than its stand-in. The app opens its main connection and, at once, the score-board
// loader's connection on a worker thread; that second open is what used to drop its POSIX locks.
#include "tests/multiprocess/OpenFiles.h"
#include "tests/multiprocess/ProcessSupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>

using namespace rapport::mptest;

namespace {

// The desktop app on FILE, offscreen, with its settings in a folder of its own.
class DesktopApp
{
public:
    DesktopApp(const QString& file, const QString& home)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HOME"), home);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(RAPPORT_BINARY), {QStringLiteral("--database"), file});
        REQUIRE(m_process.waitForStarted(10000));
        m_fds = QStringLiteral("/proc/%1/fd").arg(m_process.processId());
    }
    ~DesktopApp()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    DesktopApp(const DesktopApp&) = delete;
    DesktopApp& operator=(const DesktopApp&) = delete;

    QString state(const QString& path) const { return openFileState(m_fds, path); }
    bool running() const { return m_process.state() == QProcess::Running; }
    // Ends the app as a session logout would (SIGTERM); it must not have died before.
    void terminate()
    {
        REQUIRE(running());
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

private:
    QProcess m_process;
    QString m_fds;
};

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!condition()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace

TEST_CASE("the desktop app keeps its -wal while the command line reads and writes its file", "[multiprocess]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("team.sqlite3"));
    const QString wal = file + QStringLiteral("-wal");
    rapportOk(file, QStringLiteral("demo"),
              {QStringLiteral("--contacts"), QStringLiteral("300"), QStringLiteral("--interactions"),
               QStringLiteral("6000"), QStringLiteral("--seed"), QStringLiteral("11")});

    DesktopApp app(file, dir.path());
    REQUIRE(waitFor([&] { return app.state(wal) == QStringLiteral("open"); }, 30000));
    // The score board loads on its own connection right after the window opens; give it time to
    // open and close it, as the app does on every start.
    QThread::msleep(1500);
    REQUIRE(app.running());

    const Finished score =
        rapportOk(file, QStringLiteral("score"), {QStringLiteral("--contact"), QStringLiteral("5")});
    CHECK(QFileInfo::exists(wal));
    CHECK(app.state(wal) == QStringLiteral("open"));

    const Finished logged =
        rapportOk(file, QStringLiteral("log"),
                  {QStringLiteral("--contact"), QStringLiteral("5"), QStringLiteral("--channel"),
                   QStringLiteral("call"), QStringLiteral("--direction"), QStringLiteral("mutual"),
                   QStringLiteral("--summary"), QStringLiteral("next to the open app")});
    const qint64 id = loggedId(logged.out);
    REQUIRE(id > 0);
    rapportOk(file, QStringLiteral("check"));
    CHECK(app.state(wal) == QStringLiteral("open"));
    CHECK(exportedSummaries(file).value(id) == QStringLiteral("next to the open app"));

    app.terminate();
    rapportOk(file, QStringLiteral("check"));
    CHECK(sqlite(file, QStringLiteral("PRAGMA integrity_check")) == QStringLiteral("ok"));
    CHECK(exportedSummaries(file).value(id) == QStringLiteral("next to the open app"));
}
