// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/multiprocess/ProcessSupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRegularExpression>

namespace rapport::mptest {

Finished runProgram(const QString& program, const QStringList& arguments, int timeoutMs)
{
    Finished run;
    run.what = (QStringList{program} + arguments).join(QLatin1Char(' '));
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        FAIL("cannot start " << run.what.toStdString() << ": " << process.errorString().toStdString());
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(10000);
        FAIL(run.what.toStdString() << " did not finish within " << timeoutMs / 1000
                                    << " s and was killed; stderr: "
                                    << process.readAllStandardError().toStdString());
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

Finished runRapport(const QStringList& arguments, int timeoutMs)
{
    return runProgram(QStringLiteral(RAPPORT_BINARY), arguments, timeoutMs);
}

Finished rapportOn(const QString& file, const QString& command, const QStringList& arguments, int timeoutMs)
{
    return runRapport(QStringList{command, QStringLiteral("--database"), file} + arguments, timeoutMs);
}

Finished rapportOk(const QString& file, const QString& command, const QStringList& arguments, int timeoutMs)
{
    const Finished run = rapportOn(file, command, arguments, timeoutMs);
    INFO(describe(run));
    REQUIRE(run.exitCode == 0);
    return run;
}

std::string describe(const Finished& run)
{
    return (QStringLiteral("%1 -> exit %2 in %3 ms; stderr: %4")
                .arg(run.what)
                .arg(run.exitCode)
                .arg(run.elapsedMs)
                .arg(run.err.trimmed().isEmpty() ? QStringLiteral("(empty)") : run.err.trimmed()))
        .toStdString();
}

QString sqlite(const QString& file, const QString& sql)
{
    const Finished run = runProgram(QStringLiteral("sqlite3"), {file, sql});
    INFO(describe(run));
    REQUIRE(run.exitCode == 0);
    return run.out.trimmed();
}

qint64 loggedId(const QString& out)
{
    static const QRegularExpression logged(QStringLiteral("^logged interaction (\\d+);"));
    const QRegularExpressionMatch match = logged.match(out);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            any = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
            any = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any || !cell.isEmpty()) {
                row << cell;
                rows << row;
            }
            row.clear();
            cell.clear();
            any = false;
        } else {
            cell += c;
            any = true;
        }
    }
    if (any || !cell.isEmpty()) {
        row << cell;
        rows << row;
    }
    return rows;
}

QHash<qint64, QString> exportedSummaries(const QString& file)
{
    const Finished exported = rapportOk(file, QStringLiteral("export"), {QStringLiteral("interactions")});
    const QList<QStringList> rows = parseCsv(exported.out);
    REQUIRE(!rows.isEmpty());
    const qsizetype idColumn = rows.first().indexOf(QStringLiteral("id"));
    const qsizetype summaryColumn = rows.first().indexOf(QStringLiteral("summary"));
    REQUIRE(idColumn >= 0);
    REQUIRE(summaryColumn >= 0);
    QHash<qint64, QString> summaries;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        if (row.size() <= std::max(idColumn, summaryColumn))
            FAIL("rapport export interactions: row " << i << " has " << row.size() << " cells");
        summaries.insert(row.at(idColumn).toLongLong(), row.at(summaryColumn));
    }
    REQUIRE(summaries.size() == rows.size() - 1); // ids are unique
    return summaries;
}

Holder::Holder(const QString& file)
{
    m_process.start(QStringLiteral(RAPPORT_HOLDER), {file});
    if (!m_process.waitForStarted(30000))
        FAIL("cannot start rapport_holder: " << m_process.errorString().toStdString());
    m_running = true;
    const QString ready = readLine(60000, QStringLiteral("its start"));
    INFO("rapport_holder's stderr: " << m_errors.toStdString());
    REQUIRE(ready == QStringLiteral("ready"));
}

Holder::~Holder()
{
    if (!m_running)
        return;
    m_process.closeWriteChannel(); // end of input: the holder quits
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

QString Holder::readLine(int timeoutMs, const QString& waitingFor)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end >= 0) {
            const QString line = QString::fromUtf8(m_buffer.left(end));
            m_buffer.remove(0, end + 1);
            return line;
        }
        const bool more =
            m_process.state() == QProcess::Running &&
            m_process.waitForReadyRead(static_cast<int>(std::max<qint64>(deadline.remainingTime(), 1)));
        m_buffer += m_process.readAllStandardOutput();
        m_errors += QString::fromUtf8(m_process.readAllStandardError());
        if (!more && m_buffer.indexOf('\n') < 0) {
            if (m_process.state() == QProcess::Running) {
                m_process.kill();
                m_process.waitForFinished(10000);
                m_running = false;
                FAIL("rapport_holder gave no answer to "
                     << waitingFor.toStdString() << " within " << timeoutMs / 1000
                     << " s and was killed; stderr: " << m_errors.toStdString());
            }
            m_running = false;
            FAIL("rapport_holder ended (exit " << m_process.exitCode() << ") while the test waited for "
                                               << waitingFor.toStdString()
                                               << "; stderr: " << m_errors.toStdString());
        }
    }
}

QString Holder::ask(const QString& command, int timeoutMs)
{
    REQUIRE(m_running);
    m_process.write(command.toUtf8() + '\n');
    m_process.waitForBytesWritten(timeoutMs);
    return readLine(timeoutMs, QStringLiteral("'%1'").arg(command));
}

void Holder::reopen(int times)
{
    const QString answer = ask(QStringLiteral("reopen %1").arg(times));
    REQUIRE(answer == QStringLiteral("reopened %1").arg(times));
}

qint64 Holder::log(qint64 contactId, const QString& summary)
{
    const QString answer = ask(QStringLiteral("log %1 %2").arg(contactId).arg(summary));
    INFO("rapport_holder answered: " << answer.toStdString());
    REQUIRE(answer.startsWith(QStringLiteral("logged ")));
    const qint64 id = answer.mid(7).toLongLong();
    REQUIRE(id > 0);
    return id;
}

qint64 Holder::count()
{
    const QString answer = ask(QStringLiteral("count"));
    INFO("rapport_holder answered: " << answer.toStdString());
    REQUIRE(answer.startsWith(QStringLiteral("count ")));
    return answer.mid(6).toLongLong();
}

QString Holder::find(const QString& summary)
{
    const QString answer = ask(QStringLiteral("find %1").arg(summary));
    INFO("rapport_holder answered: " << answer.toStdString());
    REQUIRE(answer.startsWith(QStringLiteral("found ")));
    return answer.mid(6);
}

QString Holder::fds()
{
    const QString answer = ask(QStringLiteral("fds"));
    REQUIRE(answer.startsWith(QStringLiteral("fds ")));
    return answer.mid(4);
}

QString Holder::quit()
{
    const QString bye = ask(QStringLiteral("quit"));
    const bool finished = m_process.waitForFinished(30000);
    m_errors += QString::fromUtf8(m_process.readAllStandardError());
    if (!finished) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    m_running = false;
    INFO("rapport_holder's stderr: " << m_errors.toStdString());
    REQUIRE(finished);
    CHECK(m_process.exitStatus() == QProcess::NormalExit);
    CHECK(m_process.exitCode() == 0);
    REQUIRE(bye.startsWith(QStringLiteral("bye ")));
    CHECK(bye.endsWith(QStringLiteral(" failures=0"))); // every read transaction of the holder worked
    return bye;
}

} // namespace rapport::mptest
