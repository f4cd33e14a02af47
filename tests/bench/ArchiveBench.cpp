// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/ArchiveBench.h"

#include "tests/bench/ArchiveWriters.h"
#include "tests/bench/DatasetCopy.h"
#include "tests/bench/MeasuredProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <fcntl.h>
// GLib's D-Bus headers name a field "signals", a keyword Qt defines as a macro.
#undef signals
#include <gmime/gmime.h>

namespace rapport::bench {

namespace {

// GMime's own loop over an mbox, each message parsed and dropped: the most an import could hope for.
Result<qint64> bareGMimeParse(const QString& path)
{
    g_mime_init(); // counted by GMime: a no-op once the import code has initialized it
    GError* error = nullptr;
    GMimeStream* stream = g_mime_stream_fs_open(QFile::encodeName(path).constData(), O_RDONLY, 0, &error);
    if (!stream) {
        const QString message = QString::fromUtf8(error->message);
        g_error_free(error);
        return Error::database(QStringLiteral("%1: %2").arg(path, message));
    }
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
    qint64 messages = 0;
    while (!g_mime_parser_eos(parser)) {
        GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
        if (!message)
            break;
        ++messages;
        g_object_unref(message);
    }
    g_object_unref(parser);
    g_object_unref(stream);
    return messages;
}

// Qt's JSON parser over every file of the export: reading and parsing, nothing made of it.
Result<qint64> bareJsonParse(const QString& folder)
{
    qint64 files = 0;
    QDirIterator it(folder, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            return Error::database(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
        QJsonParseError error{};
        if (QJsonDocument::fromJson(file.readAll(), &error).isNull())
            return Error::database(QStringLiteral("%1: %2").arg(file.fileName(), error.errorString()));
        ++files;
    }
    return files;
}

double elapsedMilliseconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// `rapport import conversations` of the archive into a fresh copy of the dataset, as three rows: its time
// (against `target`), its messages per second and its peak resident memory.
Status measureImport(Database& dataset, const ArchiveBenchOptions& options, const QString& archive,
                     const QString& label, qint64 messages, std::optional<double> target,
                     BenchmarkTable& table)
{
    const Result<QString> copy = copyDataset(dataset, options.workdir);
    if (!copy)
        return copy.error();
    const Result<ProcessMeasure> measured =
        runMeasured(options.app, {QStringLiteral("import"), QStringLiteral("conversations"), archive,
                                  QStringLiteral("--database"), *copy, QStringLiteral("--me"),
                                  QString::fromLatin1(benchMe)});
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(*copy + QLatin1String(suffix));
    if (!measured)
        return measured.error();
    if (!measured->output.contains("created"))
        return Error::database(
            QStringLiteral("the import printed no counts: %1").arg(QString::fromLocal8Bit(measured->output)));
    table.add({QStringLiteral("import conversations: %1").arg(label),
               {measured->milliseconds},
               target,
               QString::fromLocal8Bit(measured->output.split('\n').value(0)),
               QStringLiteral("ms")});
    table.add({QStringLiteral("messages per second: %1").arg(label),
               {static_cast<double>(messages) / (measured->milliseconds / 1000.0)},
               std::nullopt,
               {},
               QStringLiteral("msg/s")});
    table.add({QStringLiteral("peak resident memory of that import"),
               {measured->peakResidentMegabytes},
               300.0,
               {},
               QStringLiteral("MB")});
    return {};
}

Status measureMbox(Database& dataset, const ArchiveBenchOptions& options, BenchmarkTable& table)
{
    const QString path =
        QStringLiteral("%1/bench-%2MB.mbox").arg(options.workdir).arg(options.mboxBytes >> 20);
    const Result<WrittenArchive> written = writeBenchMbox(dataset, path, options.mboxBytes);
    if (!written)
        return written.error();
    const QString label =
        QStringLiteral("%1 MB mbox, %2 messages").arg(written->bytes >> 20).arg(written->messages);
    BenchmarkRow bare{QStringLiteral("GMime bare parse: %1 (baseline)").arg(label), {}, std::nullopt, {}};
    for (int run = 0; run < options.runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Result<qint64> parsed = bareGMimeParse(path);
        if (!parsed)
            return parsed.error();
        if (*parsed != written->messages)
            return Error::database(QStringLiteral("GMime read %1 of the %2 messages written")
                                       .arg(*parsed)
                                       .arg(written->messages));
        bare.values << elapsedMilliseconds(timer);
    }
    table.add(bare);
    const Status imported =
        measureImport(dataset, options, path, label, written->messages, 2.0 * bare.median(), table);
    QFile::remove(path);
    return imported;
}

Status measureSlack(Database& dataset, const ArchiveBenchOptions& options, BenchmarkTable& table)
{
    const QString folder =
        QStringLiteral("%1/bench-slack-%2").arg(options.workdir).arg(options.slackMessages);
    QDir(folder).removeRecursively();
    const Result<WrittenArchive> written = writeBenchSlackExport(dataset, folder, options.slackMessages);
    if (!written)
        return written.error();
    const QString label = QStringLiteral("Slack export, %1 messages (%2 MB of JSON)")
                              .arg(written->messages)
                              .arg(written->bytes >> 20);
    BenchmarkRow bare{QStringLiteral("Qt JSON bare parse: %1 (baseline)").arg(label), {}, std::nullopt, {}};
    for (int run = 0; run < options.runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (const Result<qint64> parsed = bareJsonParse(folder); !parsed)
            return parsed.error();
        bare.values << elapsedMilliseconds(timer);
    }
    table.add(bare);
    const Status imported =
        measureImport(dataset, options, folder, label, written->messages, std::nullopt, table);
    QDir(folder).removeRecursively();
    return imported;
}

} // namespace

Status measureArchives(Database& dataset, const ArchiveBenchOptions& options, BenchmarkTable& table)
{
    if (options.mboxBytes > 0)
        if (Status measured = measureMbox(dataset, options, table); !measured)
            return measured;
    if (options.slackMessages > 0)
        if (Status measured = measureSlack(dataset, options, table); !measured)
            return measured;
    return {};
}

} // namespace rapport::bench
