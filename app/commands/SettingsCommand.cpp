// SPDX-License-Identifier: GPL-3.0-or-later
// rapport settings: shows and changes the scoring model's parameters and the tags' prior cadences.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/model/DayRange.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/TagRepository.h"

namespace rapport::cli {

namespace {

// A malformed assignment is a value the option refuses (bad input), like any other refused value.
Result<std::pair<QString, QString>> splitAssignment(const QString& option, const QString& form,
                                                    const QString& text)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0 || text.left(equals).trimmed().isEmpty())
        return Error::badInput(QStringLiteral("--%1 '%2': expected %3").arg(option, text, form));
    return std::pair{text.left(equals).trimmed(), text.mid(equals + 1).trimmed()};
}

struct TagCadence
{
    QString tag;
    std::optional<double> days; // nullopt: remove the tag's cadence
};

// The --set changes by key. Their values are checked against the settings stored when they are
// applied, inside the write transaction.
Result<QMap<QString, QString>> settingChanges(const QStringList& assignments)
{
    QMap<QString, QString> changes;
    for (const QString& assignment : assignments) {
        const Result<std::pair<QString, QString>> pair =
            splitAssignment(QStringLiteral("set"), QStringLiteral("KEY=VALUE"), assignment);
        if (!pair)
            return pair.error();
        if (!ScoringSettings::keys().contains(pair->first))
            return Error::badInput(QStringLiteral("--set: unknown setting '%1'; known: %2")
                                       .arg(pair->first, ScoringSettings::keys().join(QStringLiteral(", "))));
        changes.insert(pair->first, pair->second);
    }
    return changes;
}

Result<QList<TagCadence>> tagCadences(const QStringList& assignments)
{
    QList<TagCadence> cadences;
    for (const QString& assignment : assignments) {
        const Result<std::pair<QString, QString>> pair =
            splitAssignment(QStringLiteral("tag-cadence"), QStringLiteral("TAG=DAYS"), assignment);
        if (!pair)
            return pair.error();
        TagCadence cadence{pair->first, std::nullopt};
        if (pair->second.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
            bool ok = false;
            cadence.days = pair->second.toDouble(&ok);
            if (!ok)
                return Error::badInput(QStringLiteral("--tag-cadence '%1': '%2' is not a number of days")
                                           .arg(assignment, pair->second));
        }
        cadences << cadence;
    }
    return cadences;
}

} // namespace

int runSettings(const QStringList& arguments)
{
    const QString command = QStringLiteral("settings");
    CommandParser parser(
        command,
        QStringLiteral("rapport settings --database PATH [--set KEY=VALUE]... "
                       "[--tag-cadence TAG=DAYS|none]..."),
        QStringLiteral("Shows the scoring settings stored in the database, or changes them. Each "
                       "--set applies onto the settings stored at the moment of writing. A change of "
                       "half-life, cadence alpha or a channel weight rebuilds every relationship's "
                       "state. Keys: %1.")
            .arg(ScoringSettings::keys().join(QStringLiteral(", "))));
    parser.addOption({QStringLiteral("set"), QStringLiteral("Change a scoring setting (repeatable)."),
                      QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("tag-cadence"),
                      QStringLiteral("Prior cadence in days (%1 to %2) for contacts with this existing "
                                     "tag, or 'none' (repeatable).")
                          .arg(minimumDays)
                          .arg(maximumDays),
                      QStringLiteral("TAG=DAYS")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;

    const Result<QMap<QString, QString>> changes =
        settingChanges(parser.parser().values(QStringLiteral("set")));
    if (!changes)
        return fail(command, changes.error());
    const Result<QList<TagCadence>> cadences =
        tagCadences(parser.parser().values(QStringLiteral("tag-cadence")));
    if (!cadences)
        return fail(command, cadences.error());

    const bool writes = !changes->isEmpty() || !cadences->isEmpty();
    Result<std::unique_ptr<Database>> db =
        parser.openDatabase(writes ? CommandParser::Access::ReadWrite : CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    // One transaction for what is changed and what is shown: a write applies onto the settings stored
    // once it holds the write lock; without changes the file is read-only and only a snapshot is read.
    Transaction transaction(**db, writes ? TransactionMode::Write : TransactionMode::Read);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    TagRepository tags(**db);
    for (const TagCadence& cadence : *cadences) {
        if (Status set = tags.setCadence(cadence.tag, cadence.days); !set)
            return fail(command, optionError(QStringLiteral("tag-cadence"), set.error()));
    }
    if (!changes->isEmpty()) {
        if (Status changed = engine->changeSettings(*changes); !changed)
            return fail(command, changed.error().kind == ErrorKind::BadInput
                                     ? optionError(QStringLiteral("set"), changed.error())
                                     : changed.error());
    }
    const QMap<QString, QString> current = engine->settings().toMap();
    const Result<QList<Tag>> tagList = tags.list();
    if (!tagList)
        return fail(command, tagList.error());
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());

    for (const QString& key : ScoringSettings::keys())
        out() << key << " = " << current.value(key) << '\n';
    for (const Tag& tag : *tagList) {
        if (tag.cadenceDays)
            out() << "tag " << tag.name << ": every " << *tag.cadenceDays << " days\n";
    }
    out().flush();
    return Success;
}

} // namespace rapport::cli
