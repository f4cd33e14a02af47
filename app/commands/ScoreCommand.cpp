// SPDX-License-Identifier: GPL-3.0-or-later
// rapport score: relationship scores as a table or JSON, now or at any past moment.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/SqliteStatement.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace rapport::cli {

namespace {

QJsonValue rounded(double value)
{
    return std::round(value * 100.0) / 100.0;
}

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? rounded(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const ContactScore& entry, const QString& name)
{
    const RelationshipScore& s = entry.score;
    QJsonObject object;
    object.insert(QStringLiteral("id"), entry.contactId);
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("score"), s.hasHistory ? rounded(s.score) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("recency"), rounded(s.recency));
    object.insert(QStringLiteral("frequency"), rounded(s.frequency));
    object.insert(QStringLiteral("reciprocity"), rounded(s.reciprocity));
    object.insert(QStringLiteral("band"), bandName(s.band));
    object.insert(QStringLiteral("days_since_last"),
                  s.hasHistory ? rounded(s.daysSinceLast) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("cadence_days"), rounded(s.cadenceDays));
    object.insert(QStringLiteral("overdue_ratio"),
                  s.hasHistory ? rounded(s.overdueRatio) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("trust"), optionalNumber(s.trust));
    object.insert(QStringLiteral("delta_30"), optionalNumber(entry.delta30));
    object.insert(QStringLiteral("delta_90"), optionalNumber(entry.delta90));
    object.insert(QStringLiteral("explanation"), entry.explanation());
    return object;
}

QString cell(double value, bool known = true)
{
    return known ? QString::number(value, 'f', 1) : QStringLiteral("-");
}

Result<QHash<qint64, QString>> contactNames(Database& db)
{
    QHash<qint64, QString> names;
    SqliteStatement query(db.handle(), "SELECT id, display_name FROM contacts");
    while (query.step())
        names.insert(query.columnInt64(0), query.columnText(1));
    if (!query.ok())
        return Error::database(query.errorMessage());
    return names;
}

} // namespace

int runScore(const QStringList& arguments)
{
    const QString command = QStringLiteral("score");
    CommandParser parser(
        command,
        QStringLiteral("rapport score --database PATH [--contact ID|EMAIL] [--at DATE|DATETIME] "
                       "[--json]"),
        QStringLiteral("Prints relationship scores: recency, frequency, reciprocity, the total, "
                       "the band, Δ30/Δ90 and the explanation."));
    parser.addOption({QStringLiteral("contact"), QStringLiteral("Only this contact (id, email or handle)."),
                      QStringLiteral("REF")});
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("Read scores as of this moment: a date (00:00 UTC) or date-time (default: now)."),
         QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("JSON output: an array, or one object with --contact.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    const Result<qint64> at = atOption(parser);
    if (!at)
        return fail(command, at.error());
    const qint64 now = *at;

    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    const Result<QHash<qint64, QString>> names = contactNames(**db);
    if (!names)
        return fail(command, names.error());

    QList<ContactScore> scores;
    if (parser.isSet(QStringLiteral("contact"))) {
        const Result<qint64> id = ContactRepository(**db).resolve(parser.value(QStringLiteral("contact")));
        if (!id)
            return fail(command, optionError(QStringLiteral("contact"), id.error()));
        const Result<ContactScore> score = engine->score(*id, now);
        if (!score)
            return fail(command, score.error());
        scores << *score;
    } else {
        Result<QList<ContactScore>> all = engine->scoreAll(now, true);
        if (!all)
            return fail(command, all.error());
        scores = std::move(*all);
    }

    if (parser.isSet(QStringLiteral("json"))) {
        if (parser.isSet(QStringLiteral("contact"))) {
            out() << QJsonDocument(toJson(scores.constFirst(), names->value(scores.constFirst().contactId)))
                         .toJson(QJsonDocument::Indented);
        } else {
            QJsonArray array;
            for (const ContactScore& entry : std::as_const(scores))
                array.append(toJson(entry, names->value(entry.contactId)));
            out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        }
        out().flush();
        return Success;
    }

    out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9  %10")
                 .arg(QStringLiteral("id"), 7)
                 .arg(QStringLiteral("name"), -24)
                 .arg(QStringLiteral("score"), 5)
                 .arg(QStringLiteral("band"), -10)
                 .arg(QStringLiteral("R"), 5)
                 .arg(QStringLiteral("F"), 5)
                 .arg(QStringLiteral("P"), 5)
                 .arg(QStringLiteral("days"), 6)
                 .arg(QStringLiteral("Δ30"), 6)
                 .arg(QStringLiteral("explanation"))
          << '\n';
    for (const ContactScore& entry : std::as_const(scores)) {
        const RelationshipScore& s = entry.score;
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9  %10")
                     .arg(entry.contactId, 7)
                     .arg(names->value(entry.contactId).left(24), -24)
                     .arg(cell(s.score, s.hasHistory), 5)
                     .arg(bandName(s.band), -10)
                     .arg(cell(s.recency), 5)
                     .arg(cell(s.frequency), 5)
                     .arg(cell(s.reciprocity), 5)
                     .arg(cell(s.daysSinceLast, s.hasHistory), 6)
                     .arg(cell(entry.delta30.value_or(0), entry.delta30.has_value()), 6)
                     .arg(entry.explanation())
              << '\n';
    }
    out().flush();
    return Success;
}

} // namespace rapport::cli
