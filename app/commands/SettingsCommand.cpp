// rapport settings: shows and changes the scoring model's parameters and the tags' prior cadences.
#include "CommandSupport.h"
#include "Commands.h"
#include "scoring/ScoringEngine.h"
#include "storage/TagRepository.h"

namespace rapport::cli {

namespace {

Result<std::pair<QString, QString>> splitAssignment(const QString& option, const QString& text)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return Error::usage(QStringLiteral("--%1 '%2': expected NAME=VALUE").arg(option, text));
    return std::pair{text.left(equals).trimmed(), text.mid(equals + 1).trimmed()};
}

} // namespace

int runSettings(const QStringList& arguments)
{
    const QString command = QStringLiteral("settings");
    CommandParser parser(
        command,
        QStringLiteral("rapport settings --database PATH [--set KEY=VALUE]... "
                       "[--tag-cadence TAG=DAYS|none]..."),
        QStringLiteral("Shows the scoring settings stored in the database, or changes them. A "
                       "change of half-life, cadence alpha or a channel weight rebuilds every "
                       "relationship's state. Keys: %1.")
            .arg(ScoringSettings::keys().join(QStringLiteral(", "))));
    parser.addOption({QStringLiteral("set"), QStringLiteral("Change a scoring setting (repeatable)."),
                      QStringLiteral("KEY=VALUE")});
    parser.addOption(
        {QStringLiteral("tag-cadence"),
         QStringLiteral("Prior cadence in days for contacts with this tag, or 'none' (repeatable)."),
         QStringLiteral("TAG=DAYS")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;

    const bool changes = parser.isSet(QStringLiteral("set")) || parser.isSet(QStringLiteral("tag-cadence"));
    Result<std::unique_ptr<Database>> db =
        parser.openDatabase(changes ? CommandParser::Access::ReadWrite : CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());

    QMap<QString, QString> values = engine->settings().toMap();
    for (const QString& assignment : parser.parser().values(QStringLiteral("set"))) {
        const Result<std::pair<QString, QString>> pair = splitAssignment(QStringLiteral("set"), assignment);
        if (!pair)
            return fail(command, pair.error());
        if (!values.contains(pair->first))
            return fail(
                command,
                Error::badInput(QStringLiteral("--set: unknown setting '%1'; known: %2")
                                    .arg(pair->first, ScoringSettings::keys().join(QStringLiteral(", ")))));
        values.insert(pair->first, pair->second);
    }
    const Result<ScoringSettings> changed = ScoringSettings::fromMap(values);
    if (!changed)
        return fail(command, Error::badInput(QStringLiteral("--set: %1").arg(changed.error().message)));

    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    TagRepository tags(**db);
    for (const QString& assignment : parser.parser().values(QStringLiteral("tag-cadence"))) {
        const Result<std::pair<QString, QString>> pair =
            splitAssignment(QStringLiteral("tag-cadence"), assignment);
        if (!pair)
            return fail(command, pair.error());
        std::optional<double> days;
        if (pair->second.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
            bool ok = false;
            days = pair->second.toDouble(&ok);
            if (!ok)
                return fail(command,
                            Error::badInput(QStringLiteral("--tag-cadence '%1': '%2' is not a number of days")
                                                .arg(assignment, pair->second)));
        }
        if (Status set = tags.setCadence(pair->first, days); !set)
            return fail(command, set.error());
    }
    // Without --set or --tag-cadence the file is open read-only: saving even unchanged settings would fail.
    if (changes) {
        if (Status saved = engine->changeSettings(*changed); !saved)
            return fail(command, saved.error());
    }
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());

    const QMap<QString, QString> current = engine->settings().toMap();
    for (const QString& key : ScoringSettings::keys())
        out() << key << " = " << current.value(key) << '\n';
    const Result<QList<Tag>> tagList = tags.list();
    if (!tagList)
        return fail(command, tagList.error());
    for (const Tag& tag : *tagList) {
        if (tag.cadenceDays)
            out() << "tag " << tag.name << ": every " << *tag.cadenceDays << " days\n";
    }
    out().flush();
    return Success;
}

} // namespace rapport::cli
