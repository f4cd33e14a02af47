// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/DuplicateFinder.h"

#include "core/model/ContactMethod.h"
#include "core/model/Folding.h"
#include "core/model/PhoneNumber.h"
#include "core/storage/DistinctContactRepository.h"
#include "core/storage/SqliteStatement.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <unordered_map>
#include <utility>

namespace rapport {

namespace {

// A key held by more contacts than this is not one person's (a shared office number, an info@ address).
constexpr qsizetype maxExactGroup = 50;
// How many following neighbours, in name order, each contact is compared with.
constexpr size_t neighbourWindow = 8;
// Names shorter than this (folded) are too short to call similar.
constexpr qsizetype minSimilarLength = 4;

// Providers whose customers share nothing but the provider.
const QSet<QString>& publicMailDomains()
{
    static const QSet<QString> domains{
        QStringLiteral("gmail.com"),    QStringLiteral("googlemail.com"), QStringLiteral("yahoo.com"),
        QStringLiteral("outlook.com"),  QStringLiteral("hotmail.com"),    QStringLiteral("live.com"),
        QStringLiteral("icloud.com"),   QStringLiteral("me.com"),         QStringLiteral("aol.com"),
        QStringLiteral("gmx.de"),       QStringLiteral("gmx.net"),        QStringLiteral("web.de"),
        QStringLiteral("proton.me"),    QStringLiteral("protonmail.com"), QStringLiteral("mail.ru"),
        QStringLiteral("yandex.ru"),    QStringLiteral("qq.com"),         QStringLiteral("163.com"),
        QStringLiteral("fastmail.com"), QStringLiteral("posteo.de")};
    return domains;
}

struct Person
{
    qint64 id = 0;
    QString name;     // as displayed
    QString folded;   // foldName(name)
    QString reversed; // the folded name's words in reverse order, to sort family names together
    QString foldedOrganization;
    QString organization;
};

enum class Evidence
{
    Organization,
    EmailDomain,
    Tag
};

struct EvidenceGroup
{
    Evidence kind;
    QString label; // the organization, domain or tag as written
    std::vector<int> members;
};

class PairCollector
{
public:
    PairCollector(const std::vector<Person>& people, QSet<ContactPair> distinct)
        : m_people(people)
        , m_distinct(std::move(distinct))
    {}

    void offer(int a, int b, DuplicateReason reason, double confidence, const QString& detail)
    {
        if (a == b)
            return;
        if (m_people[static_cast<size_t>(a)].id > m_people[static_cast<size_t>(b)].id)
            std::swap(a, b);
        if (!m_distinct.isEmpty() &&
            m_distinct.contains({m_people[static_cast<size_t>(a)].id, m_people[static_cast<size_t>(b)].id}))
            return;
        const std::pair<int, int> key{a, b};
        auto found = m_index.find(key);
        if (found == m_index.end()) {
            m_index.emplace(key, m_pairs.size());
            m_pairs.push_back(make(a, b, reason, confidence, detail));
        } else if (m_pairs[found->second].confidence < confidence) {
            m_pairs[found->second] = make(a, b, reason, confidence, detail);
        }
    }

    std::vector<DuplicatePair> take()
    {
        std::sort(m_pairs.begin(), m_pairs.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
            if (x.confidence != y.confidence)
                return x.confidence > y.confidence;
            return std::pair(x.firstId, x.secondId) < std::pair(y.firstId, y.secondId);
        });
        return std::move(m_pairs);
    }

private:
    struct PairHash
    {
        size_t operator()(const std::pair<int, int>& p) const
        {
            return qHash(p.first) ^ (qHash(p.second) * 0x9E3779B97F4A7C15ull);
        }
    };

    DuplicatePair make(int a, int b, DuplicateReason reason, double confidence, const QString& detail) const
    {
        const Person& first = m_people[static_cast<size_t>(a)];
        const Person& second = m_people[static_cast<size_t>(b)];
        return {first.id, second.id, first.name, second.name, reason, confidence, detail};
    }

    const std::vector<Person>& m_people;
    const QSet<ContactPair> m_distinct; // marked "not the same person"
    std::vector<DuplicatePair> m_pairs;
    std::unordered_map<std::pair<int, int>, size_t, PairHash> m_index;
};

QString reversedWords(const QString& folded)
{
    QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::reverse(words.begin(), words.end());
    return words.join(QLatin1Char(' '));
}

// At most one edit per five characters, and never more than three.
int similarityLimit(const QString& a, const QString& b)
{
    const qsizetype shorter = std::min(a.size(), b.size());
    return static_cast<int>(std::clamp<qsizetype>(shorter / 5, 1, 3));
}

double evidenceConfidence(Evidence kind)
{
    switch (kind) {
    case Evidence::Organization:
        return 0.7;
    case Evidence::EmailDomain:
        return 0.65;
    case Evidence::Tag:
        return 0.55;
    }
    return 0.5;
}

QString evidenceDetail(const EvidenceGroup& group)
{
    switch (group.kind) {
    case Evidence::Organization:
        return group.label;
    case Evidence::EmailDomain:
        return QStringLiteral("@%1").arg(group.label);
    case Evidence::Tag:
        return QStringLiteral("tag '%1'").arg(group.label);
    }
    return group.label;
}

void compareNeighbours(const std::vector<Person>& people, const EvidenceGroup& group, PairCollector& pairs)
{
    std::vector<int> order = group.members;
    for (const bool byFamilyName : {false, true}) {
        const auto nameOf = [&](int i) -> const QString& {
            const Person& person = people[static_cast<size_t>(i)];
            return byFamilyName ? person.reversed : person.folded;
        };
        std::sort(order.begin(), order.end(), [&](int x, int y) { return nameOf(x) < nameOf(y); });
        for (size_t i = 0; i < order.size(); ++i) {
            const Person& a = people[static_cast<size_t>(order[i])];
            if (a.folded.size() < minSimilarLength)
                continue;
            for (size_t j = i + 1; j < order.size() && j <= i + neighbourWindow; ++j) {
                const Person& b = people[static_cast<size_t>(order[j])];
                if (b.folded.size() < minSimilarLength)
                    continue;
                const int limit = similarityLimit(a.folded, b.folded);
                const int distance = editDistance(a.folded, b.folded, limit);
                if (distance > limit)
                    continue;
                pairs.offer(order[i], order[j], DuplicateReason::SimilarName,
                            evidenceConfidence(group.kind) - 0.1 * distance, evidenceDetail(group));
            }
        }
    }
}

} // namespace

QString duplicateReasonKey(DuplicateReason reason)
{
    switch (reason) {
    case DuplicateReason::SameEmail:
        return QStringLiteral("same-email");
    case DuplicateReason::SamePhone:
        return QStringLiteral("same-phone");
    case DuplicateReason::SameHandle:
        return QStringLiteral("same-handle");
    case DuplicateReason::SameNameAndOrganization:
        return QStringLiteral("same-name-and-organization");
    case DuplicateReason::SimilarName:
        return QStringLiteral("similar-name");
    }
    return {};
}

QString duplicateReasonText(const DuplicatePair& pair)
{
    switch (pair.reason) {
    case DuplicateReason::SameEmail:
        return QStringLiteral("same email %1").arg(pair.detail);
    case DuplicateReason::SamePhone:
        return QStringLiteral("same phone %1").arg(pair.detail);
    case DuplicateReason::SameHandle:
        return QStringLiteral("same handle %1").arg(pair.detail);
    case DuplicateReason::SameNameAndOrganization:
        return QStringLiteral("same name and organization (%1)").arg(pair.detail);
    case DuplicateReason::SimilarName:
        return QStringLiteral("similar names, both with %1").arg(pair.detail);
    }
    return {};
}

QStringList DuplicateTags::names() const
{
    QStringList names;
    for (const TagSpelling& spelling : spellings)
        names << spelling.name;
    return names;
}

const TagSpelling& DuplicateTags::mostCarried() const
{
    return *std::max_element(
        spellings.cbegin(), spellings.cend(),
        [](const TagSpelling& a, const TagSpelling& b) { return a.contacts < b.contacts; });
}

DuplicateFinder::DuplicateFinder(Database& db, QString phoneRegion)
    : m_db(db)
    , m_phoneRegion(std::move(phoneRegion))
{}

Result<DuplicateReport> DuplicateFinder::find() const
{
    std::vector<Person> people;
    QHash<qint64, int> indexOf;
    {
        SqliteStatement rows(m_db.handle(),
                             "SELECT id, display_name, organization FROM contacts ORDER BY id");
        if (!rows.isValid())
            return Error::database(rows.errorMessage());
        while (rows.step()) {
            Person person;
            person.id = rows.columnInt64(0);
            person.name = rows.columnText(1);
            person.folded = foldName(person.name);
            person.reversed = reversedWords(person.folded);
            person.organization = rows.columnText(2).trimmed();
            person.foldedOrganization = foldName(person.organization);
            indexOf.insert(person.id, static_cast<int>(people.size()));
            people.push_back(std::move(person));
        }
        if (!rows.ok())
            return Error::database(rows.errorMessage());
    }

    // Keys that name one person, and the wider groups in which similar names count.
    QHash<QString, std::vector<int>> exact;
    QHash<QString, EvidenceGroup> evidence;
    const auto join = [](QHash<QString, std::vector<int>>& groups, const QString& key, int person) {
        std::vector<int>& members = groups[key];
        if (members.empty() || members.back() != person)
            members.push_back(person);
    };
    const auto addEvidence = [&](Evidence kind, const QString& key, const QString& label, int person) {
        auto found = evidence.find(key);
        if (found == evidence.end())
            found = evidence.insert(key, EvidenceGroup{kind, label, {}});
        if (found->members.empty() || found->members.back() != person)
            found->members.push_back(person);
    };
    for (size_t i = 0; i < people.size(); ++i) {
        const Person& person = people[i];
        if (!person.folded.isEmpty() && !person.foldedOrganization.isEmpty())
            join(exact, QStringLiteral("n:%1\x1f%2").arg(person.folded, person.foldedOrganization),
                 static_cast<int>(i));
        if (!person.foldedOrganization.isEmpty())
            addEvidence(Evidence::Organization, QStringLiteral("o:") + person.foldedOrganization,
                        person.organization, static_cast<int>(i));
    }
    {
        SqliteStatement methods(
            m_db.handle(),
            "SELECT contact_id, kind, value, normalized FROM contact_methods ORDER BY contact_id");
        if (!methods.isValid())
            return Error::database(methods.errorMessage());
        while (methods.step()) {
            const auto person = indexOf.constFind(methods.columnInt64(0));
            if (person == indexOf.constEnd())
                continue;
            const QString kind = methods.columnText(1);
            const QString value = methods.columnText(2);
            if (kind == QLatin1String("email")) {
                join(exact, QStringLiteral("e:") + canonicalEmail(value), *person);
                const QString domain = emailDomain(value);
                if (!domain.isEmpty() && !publicMailDomains().contains(domain))
                    addEvidence(Evidence::EmailDomain, QStringLiteral("d:") + domain, domain, *person);
            } else if (kind == QLatin1String("phone")) {
                if (const QString e164 = phoneE164(value, m_phoneRegion); !e164.isEmpty())
                    join(exact, QStringLiteral("p:") + e164, *person);
            } else if (kind != QLatin1String("website")) {
                join(exact, QStringLiteral("h:%1:%2").arg(kind, methods.columnText(3)), *person);
            }
        }
        if (!methods.ok())
            return Error::database(methods.errorMessage());
    }
    QHash<qint64, QString> tagNames;
    QHash<qint64, qint64> tagCarriers;
    {
        SqliteStatement tags(m_db.handle(), "SELECT id, name FROM tags ORDER BY id");
        if (!tags.isValid())
            return Error::database(tags.errorMessage());
        while (tags.step())
            tagNames.insert(tags.columnInt64(0), tags.columnText(1));
        if (!tags.ok())
            return Error::database(tags.errorMessage());
        SqliteStatement members(m_db.handle(),
                                "SELECT contact_id, tag_id FROM contact_tags ORDER BY contact_id");
        if (!members.isValid())
            return Error::database(members.errorMessage());
        while (members.step()) {
            const auto person = indexOf.constFind(members.columnInt64(0));
            const qint64 tagId = members.columnInt64(1);
            ++tagCarriers[tagId];
            if (person != indexOf.constEnd())
                addEvidence(Evidence::Tag, QStringLiteral("t:%1").arg(tagId), tagNames.value(tagId), *person);
        }
        if (!members.ok())
            return Error::database(members.errorMessage());
    }

    Result<QSet<ContactPair>> distinct = DistinctContactRepository(m_db).all();
    if (!distinct)
        return distinct.error();
    PairCollector pairs(people, std::move(*distinct));
    for (auto group = exact.cbegin(); group != exact.cend(); ++group) {
        const std::vector<int>& members = group.value();
        if (members.size() < 2 || static_cast<qsizetype>(members.size()) > maxExactGroup)
            continue;
        const QString& key = group.key();
        const QString value = key.mid(2);
        DuplicateReason reason = DuplicateReason::SameEmail;
        double confidence = 0.95;
        QString detail = value;
        if (key.startsWith(QLatin1String("p:"))) {
            reason = DuplicateReason::SamePhone;
            confidence = 0.85;
        } else if (key.startsWith(QLatin1String("h:"))) {
            reason = DuplicateReason::SameHandle;
            confidence = 0.9;
            detail = value;
        } else if (key.startsWith(QLatin1String("n:"))) {
            reason = DuplicateReason::SameNameAndOrganization;
            confidence = 0.8;
            detail = people[static_cast<size_t>(members.front())].organization;
        }
        for (size_t i = 0; i < members.size(); ++i) {
            for (size_t j = i + 1; j < members.size(); ++j)
                pairs.offer(members[i], members[j], reason, confidence, detail);
        }
    }
    // Evidence shared by a large part of the book (a demo's mail domains, a community-wide tag) tells
    // people apart no better than a public mail provider does.
    const qsizetype commonGroup =
        std::max<qsizetype>(maxExactGroup, static_cast<qsizetype>(people.size()) / 100);
    for (const EvidenceGroup& group : std::as_const(evidence)) {
        if (group.members.size() >= 2 && static_cast<qsizetype>(group.members.size()) <= commonGroup)
            compareNeighbours(people, group, pairs);
    }

    DuplicateReport report;
    report.pairs = pairs.take();
    QHash<QString, QList<TagSpelling>> tagsByKey;
    for (auto tag = tagNames.cbegin(); tag != tagNames.cend(); ++tag)
        tagsByKey[foldTag(tag.value())] << TagSpelling{tag.value(), tagCarriers.value(tag.key())};
    for (QList<TagSpelling>& spellings : tagsByKey) {
        if (spellings.size() < 2)
            continue;
        std::sort(spellings.begin(), spellings.end(), [](const TagSpelling& a, const TagSpelling& b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
        report.tags.push_back({spellings});
    }
    std::sort(report.tags.begin(), report.tags.end(), [](const DuplicateTags& a, const DuplicateTags& b) {
        return a.spellings.front().name < b.spellings.front().name;
    });
    return report;
}

Result<std::pair<qint64, QStringList>> DuplicateFinder::lookAlikes(const QSet<qint64>& newIds,
                                                                   qsizetype limit) const
{
    if (newIds.isEmpty())
        return std::pair<qint64, QStringList>{};
    Result<DuplicateReport> report = find();
    if (!report)
        return report.error();
    qint64 count = 0;
    QStringList sentences;
    for (const DuplicatePair& pair : report->pairs) {
        const bool firstNew = newIds.contains(pair.firstId);
        if (firstNew == newIds.contains(pair.secondId))
            continue;
        ++count;
        if (sentences.size() >= limit)
            continue;
        const qint64 fresh = firstNew ? pair.firstId : pair.secondId;
        const qint64 existing = firstNew ? pair.secondId : pair.firstId;
        sentences << QStringLiteral("new contact %1 %2 looks like contact %3 %4: %5")
                         .arg(fresh)
                         .arg(firstNew ? pair.firstName : pair.secondName)
                         .arg(existing)
                         .arg(firstNew ? pair.secondName : pair.firstName, duplicateReasonText(pair));
    }
    return std::pair<qint64, QStringList>{count, sentences};
}

} // namespace rapport
