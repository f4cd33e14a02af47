// SPDX-License-Identifier: GPL-3.0-or-later
// Finds contacts that are probably one person entered twice (an import from LinkedIn without email, then
// one from Outlook with it), and tags that are one tag spelled twice. Each pair comes with the strongest
// reason found and a confidence, for a person to merge or dismiss; nothing here changes the database.
//
// Exact reasons come from keys every contact gives (canonical emails, phones in E.164, handles, folded
// name with folded organization); similar names are compared only among contacts that share an
// organization, an email domain or a tag, each group sorted by folded name and each contact compared with
// its next neighbours (the sorted-neighbourhood method), so the work grows with the number of contacts,
// not with its square. Pairs someone marked "not the same person" are left out.
#pragma once

#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QList>
#include <QSet>
#include <QString>
#include <vector>

namespace rapport {

enum class DuplicateReason
{
    SameEmail,               // the same mailbox: case, Gmail's dots and "+tags" aside
    SamePhone,               // the same number in E.164
    SameHandle,              // the same handle on one service
    SameNameAndOrganization, // the same folded name and organization
    SimilarName              // names a few edits apart, sharing an organization, email domain or tag
};

QString duplicateReasonKey(DuplicateReason reason); // "same-email", … for JSON and scripts

struct DuplicatePair
{
    qint64 firstId = 0; // the lower id
    qint64 secondId = 0;
    QString firstName;
    QString secondName;
    DuplicateReason reason = DuplicateReason::SameEmail;
    double confidence = 0; // 0..1
    QString detail;        // what they share: "grace@navy.example", "US Navy", "tag 'Speakers'"
};

// "same email grace@navy.example", "similar names, both with tag 'Speakers'".
QString duplicateReasonText(const DuplicatePair& pair);

struct TagSpelling
{
    QString name;
    qint64 contacts = 0; // how many contacts carry it
};

struct DuplicateTags
{
    QList<TagSpelling> spellings; // two or more tags that fold to the same key, sorted by name

    QStringList names() const;
    // The spelling most contacts carry (the first by name among equals): the one to keep by default.
    const TagSpelling& mostCarried() const;
};

struct DuplicateReport
{
    std::vector<DuplicatePair> pairs; // most confident first, then by ids
    std::vector<DuplicateTags> tags;
};

class DuplicateFinder
{
public:
    // `phoneRegion` reads numbers without a country code (ISO 3166, "DE"); empty reads only +/00 numbers.
    DuplicateFinder(Database& db, QString phoneRegion);

    Result<DuplicateReport> find() const;
    // The pairs of one of `newIds` with a contact not among them, as sentences an import prints:
    // "new contact 122 Grace Hopper looks like contact 12 Grace Hopper: same name and organization
    // (US Navy)". Their count first; at most `limit` sentences.
    Result<std::pair<qint64, QStringList>> lookAlikes(const QSet<qint64>& newIds, qsizetype limit) const;

private:
    Database& m_db;
    QString m_phoneRegion;
};

} // namespace rapport
