// SPDX-License-Identifier: GPL-3.0-or-later
// rapport demo: fills a new database with a reproducible demo community.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/base/IsoTime.h"
#include "core/demo/DemoGenerator.h"

#include <QElapsedTimer>
#include <cstdio>
#include <unistd.h>

namespace rapport::cli {

namespace {
Result<qint64> readCount(const CommandParser& parser, const QString& name, qint64 fallback, qint64 minimum)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum)
        return Error::badInput(QStringLiteral("--%1 '%2': expected a whole number of at least %3")
                                   .arg(name, parser.value(name))
                                   .arg(minimum));
    return value;
}
} // namespace

int runDemo(const QStringList& arguments)
{
    const QString command = QStringLiteral("demo");
    CommandParser parser(
        command,
        QStringLiteral("rapport demo --database PATH [--contacts N] [--interactions M] [--notes K] "
                       "[--seed S] [--until DATE]"),
        QStringLiteral("Fills a new or empty database with demo data. The same seed and --until "
                       "date give the same data. The large benchmark dataset is --contacts 100000 "
                       "--interactions 5000000."));
    parser.addOption({QStringLiteral("contacts"), QStringLiteral("Number of contacts (default 2000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("interactions"),
                      QStringLiteral("Number of interactions (default 60000)."), QStringLiteral("M")});
    parser.addOption({QStringLiteral("notes"),
                      QStringLiteral("Number of trust notes (default: one per contact)."),
                      QStringLiteral("K")});
    parser.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("Date of the newest possible conversation (default: "
                                     "now)."),
                      QStringLiteral("DATE")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;

    DemoOptions options;
    const Result<qint64> contacts = readCount(parser, QStringLiteral("contacts"), options.contacts, 1);
    const Result<qint64> interactions =
        readCount(parser, QStringLiteral("interactions"), options.interactions, 0);
    const Result<qint64> notes = readCount(parser, QStringLiteral("notes"), -1, 0);
    const Result<qint64> seed = readCount(parser, QStringLiteral("seed"), 1, 0);
    for (const Result<qint64>* value : {&contacts, &interactions, &notes, &seed}) {
        if (!*value)
            return fail(command, value->error());
    }
    options.contacts = *contacts;
    options.interactions = *interactions;
    options.trustNotes = *notes;
    options.seed = static_cast<quint64>(*seed);
    if (parser.isSet(QStringLiteral("until"))) {
        const Result<qint64> until = parseIsoMoment(parser.value(QStringLiteral("until")));
        if (!until)
            return fail(command, Error::badInput(QStringLiteral("--until: %1").arg(until.error().message)));
        options.endSeconds = *until;
    }

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    QElapsedTimer timer;
    timer.start();
    int lastPercent = -1;
    const bool interactive = isatty(fileno(stderr));
    const Result<DemoSummary> summary = DemoGenerator(**db, options).generate([&](qint64 done, qint64 total) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
        if (interactive && percent != lastPercent) {
            err() << "\rgenerating demo data: " << percent << "%";
            err().flush();
            lastPercent = percent;
        }
        return true;
    });
    if (interactive)
        err() << "\r" << Qt::flush;
    if (!summary)
        return fail(command, summary.error());
    out() << QStringLiteral(
                 "created %1 contacts, %2 interactions, %3 trust notes, %4 team members, %5 follow-ups "
                 "and %6 events in %7 s")
                 .arg(summary->contacts)
                 .arg(summary->interactions)
                 .arg(summary->trustNotes)
                 .arg(summary->teamMembers)
                 .arg(summary->followUps)
                 .arg(summary->events)
                 .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 1)
          << Qt::endl;
    return Success;
}

} // namespace rapport::cli
