// SPDX-License-Identifier: GPL-3.0-or-later
// rapport duplicates: contacts that are probably one person, and tags spelled twice, as text or JSON.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/model/PhoneNumber.h"
#include "core/services/DuplicateFinder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace rapport::cli {

namespace {

QJsonObject toJson(const DuplicatePair& pair)
{
    QJsonObject object;
    object.insert(QStringLiteral("first"), QJsonObject{{QStringLiteral("id"), pair.firstId},
                                                       {QStringLiteral("name"), pair.firstName}});
    object.insert(QStringLiteral("second"), QJsonObject{{QStringLiteral("id"), pair.secondId},
                                                        {QStringLiteral("name"), pair.secondName}});
    object.insert(QStringLiteral("reason"), duplicateReasonKey(pair.reason));
    object.insert(QStringLiteral("detail"), pair.detail);
    object.insert(QStringLiteral("confidence"), std::round(pair.confidence * 100) / 100);
    return object;
}

} // namespace

int runDuplicates(const QStringList& arguments)
{
    const QString command = QStringLiteral("duplicates");
    CommandParser parser(
        command, QStringLiteral("rapport duplicates --database PATH [--region CC] [--json]"),
        QStringLiteral("Lists contacts that are probably one person (the same email, phone or handle, the "
                       "same name and organization, or similar names with an organization, email domain "
                       "or tag in common), most confident first, and tags that differ only in case, "
                       "spacing, dashes or underscores. Changes nothing."));
    parser.addOption({QStringLiteral("region"),
                      QStringLiteral("Country whose phone numbers lack their +code, as an ISO 3166 code "
                                     "(default: the system locale's, now '%1').")
                          .arg(localPhoneRegion()),
                      QStringLiteral("CC")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Prints JSON: {\"pairs\": […], \"tags\": […]}.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    QString region = localPhoneRegion();
    if (parser.isSet(QStringLiteral("region"))) {
        region = parser.value(QStringLiteral("region")).trimmed().toUpper();
        static const QRegularExpression code(QStringLiteral("^[A-Z]{2}$"));
        if (!code.match(region).hasMatch())
            return fail(command,
                        Error::badInput(QStringLiteral("--region '%1': expected a two-letter country "
                                                       "code such as DE or US")
                                            .arg(parser.value(QStringLiteral("region")))));
    }
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<DuplicateReport> report = DuplicateFinder(**db, region).find();
    if (!report)
        return fail(command, report.error());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray pairs;
        for (const DuplicatePair& pair : report->pairs)
            pairs.append(toJson(pair));
        QJsonArray tags;
        for (const DuplicateTags& group : report->tags) {
            QJsonArray spellings;
            for (const TagSpelling& spelling : group.spellings)
                spellings.append(QJsonObject{{QStringLiteral("name"), spelling.name},
                                             {QStringLiteral("contacts"), spelling.contacts}});
            tags.append(spellings);
        }
        out() << QJsonDocument(QJsonObject{{QStringLiteral("pairs"), pairs}, {QStringLiteral("tags"), tags}})
                     .toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    if (report->pairs.empty() && report->tags.empty()) {
        out() << "no duplicates found" << Qt::endl;
        return Success;
    }
    for (const DuplicatePair& pair : report->pairs) {
        out() << QStringLiteral("%1 %2 ~ %3 %4: %5 (confidence %6)")
                     .arg(pair.firstId)
                     .arg(pair.firstName)
                     .arg(pair.secondId)
                     .arg(pair.secondName, duplicateReasonText(pair))
                     .arg(pair.confidence, 0, 'f', 2)
              << '\n';
    }
    for (const DuplicateTags& group : report->tags) {
        QStringList spellings;
        for (const TagSpelling& spelling : group.spellings)
            spellings << QStringLiteral("%1 (%2)").arg(spelling.name,
                                                       counted(spelling.contacts, "contact", "contacts"));
        out() << "tags spelled alike: " << spellings.join(QStringLiteral(", ")) << '\n';
    }
    out() << report->pairs.size() << (report->pairs.size() == 1 ? " pair" : " pairs") << ", "
          << report->tags.size() << (report->tags.size() == 1 ? " group of tags" : " groups of tags")
          << Qt::endl;
    return Success;
}

} // namespace rapport::cli
