// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vcard/VCardContactMapping.h"

#include "core/base/IsoTime.h"
#include "core/storage/ContactRepository.h"
#include "core/vcard/SocialProfile.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace rapport {

namespace {

// TYPE values that say how to use an address, not which one it is: no part of its label.
bool isUsageType(const QString& type)
{
    static const QStringList usage{QStringLiteral("pref"),
                                   QStringLiteral("internet"),
                                   QStringLiteral("x400"),
                                   QStringLiteral("voice"),
                                   QStringLiteral("quoted-printable"),
                                   QStringLiteral("base64"),
                                   QStringLiteral("8bit"),
                                   QStringLiteral("7bit")};
    return usage.contains(type);
}

// Apple writes its own labels as "_$!<Mobile>!$_" and a person's as they typed them.
QString appleLabel(const QString& text)
{
    static const QRegularExpression builtIn(QStringLiteral("^_\\$!<(.*)>!\\$_$"));
    const QRegularExpressionMatch match = builtIn.match(text.trimmed());
    return match.hasMatch() ? match.captured(1).toLower() : text.trimmed();
}

// The label of an email, phone, website or handle: its group's X-ABLabel, else its TYPE values ("work",
// "home fax", "cell" read as "mobile").
QString labelOf(const VCard& card, const VCardProperty& property)
{
    if (const VCardProperty* label = card.inGroup(property.group, QStringLiteral("X-ABLABEL")))
        return appleLabel(label->text());
    // Apple's X-SOCIALPROFILE names its service in TYPE.
    if (property.name == QLatin1String("X-SOCIALPROFILE"))
        return {};
    QStringList words;
    for (const QString& value : property.parameter(QStringLiteral("TYPE"))) {
        for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString type = item.trimmed().toLower();
            if (type.isEmpty() || isUsageType(type))
                continue;
            const QString word = type == QLatin1String("cell") ? QStringLiteral("mobile") : type;
            if (!words.contains(word))
                words << word;
        }
    }
    return words.join(QLatin1Char(' '));
}

// The TYPE values an export writes for `label`, or empty when the label is not made of them (it is
// then written as Apple's X-ABLabel).
QStringList typesOf(const QString& property, const QString& label)
{
    if (label.isEmpty() || label != label.toLower())
        return {};
    static const QStringList phoneTypes{QStringLiteral("work"),  QStringLiteral("home"),
                                        QStringLiteral("cell"),  QStringLiteral("fax"),
                                        QStringLiteral("pager"), QStringLiteral("video"),
                                        QStringLiteral("text"),  QStringLiteral("textphone")};
    static const QStringList otherTypes{QStringLiteral("work"), QStringLiteral("home")};
    QStringList types;
    for (const QString& word : label.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString type = word == QLatin1String("mobile") ? QStringLiteral("cell") : word;
        if (!(property == QLatin1String("TEL") ? phoneTypes : otherTypes).contains(type) ||
            types.contains(type))
            return {};
        types << type;
    }
    return types;
}

// "mailto:ada@example.org", "tel:+44-20-7946-0000;ext=12": the address without its URI scheme.
QString withoutScheme(const QString& value, const char* scheme)
{
    const QString prefix = QString::fromLatin1(scheme) + QLatin1Char(':');
    return value.startsWith(prefix, Qt::CaseInsensitive) ? value.mid(prefix.size()).trimmed() : value;
}

QString firstParameter(const VCardProperty& property, const char* name)
{
    const QStringList values = property.parameter(QLatin1String(name));
    return values.isEmpty() ? QString() : values.constFirst().trimmed();
}

// REV as 4.0 ("20260501T143000Z") and 3.0 ("2026-05-01T14:30:00Z", with fractions from some servers)
// write it; nullopt when it is neither.
std::optional<qint64> revisionTime(const QString& text)
{
    static const QRegularExpression basic(
        QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?$"));
    QString iso = text.trimmed();
    if (const QRegularExpressionMatch match = basic.match(iso); match.hasMatch()) {
        iso = QStringLiteral("%1-%2-%3").arg(match.captured(1), match.captured(2), match.captured(3));
        if (!match.captured(4).isEmpty())
            iso += QStringLiteral("T%1:%2:%3%4")
                       .arg(match.captured(4), match.captured(5),
                            match.captured(6).isEmpty() ? QStringLiteral("00") : match.captured(6),
                            match.captured(7));
    }
    static const QRegularExpression fraction(QStringLiteral("(\\d{2}:\\d{2}:\\d{2})\\.\\d+"));
    iso.replace(fraction, QStringLiteral("\\1"));
    const Result<qint64> moment = parseIsoMoment(iso);
    return moment ? std::optional<qint64>(*moment) : std::nullopt;
}

class CardReading
{
public:
    CardReading(const VCard& card, const VCardReader& reader, VCardContact& out)
        : m_card(card)
        , m_reader(reader)
        , m_out(out)
    {}

    void read();

private:
    QString where(const VCardProperty& property) const
    {
        return QStringLiteral("%1, %2").arg(m_reader.location(property.line), property.name);
    }
    void problem(const VCardProperty& property, const QString& message)
    {
        m_out.problems << QStringLiteral("%1: %2").arg(where(property), message);
    }
    void addMethod(const VCardProperty& property, MethodKind kind, const QString& value,
                   const QString& label);
    void readHandle(const VCardProperty& property);
    void unimported(const QString& what)
    {
        if (!m_out.unimported.contains(what))
            m_out.unimported << what;
    }

    const VCard& m_card;
    const VCardReader& m_reader;
    VCardContact& m_out;
    QSet<QString> m_methodKeys;
};

void CardReading::addMethod(const VCardProperty& property, MethodKind kind, const QString& value,
                            const QString& label)
{
    const QString text = value.trimmed();
    if (text.isEmpty())
        return; // old phones write "TEL;CELL:" for a field left empty
    if (const QString invalid = validateMethodValue(kind, text); !invalid.isEmpty()) {
        problem(property, invalid);
        return;
    }
    const QString key = methodKindName(kind) + QLatin1Char('\n') + normalizeMethodValue(kind, text);
    if (m_methodKeys.contains(key))
        return;
    m_methodKeys.insert(key);
    m_out.draft.contact.methods << ContactMethod{0, kind, text, label};
    m_out.draft.methodLocations << where(property);
}

void CardReading::readHandle(const VCardProperty& property)
{
    const bool impp = property.name == QLatin1String("IMPP");
    QString value = property.text().trimmed();
    if (value.isEmpty())
        return;
    QString service;
    for (const char* name : {"SERVICE-TYPE", "X-SERVICE-TYPE"}) {
        if (service.isEmpty())
            service = firstParameter(property, name);
    }
    // Apple's X-SOCIALPROFILE names the service in TYPE ("type=twitter"); its IMPP in the URI's scheme.
    if (service.isEmpty() && property.name == QLatin1String("X-SOCIALPROFILE")) {
        for (const QString& type : property.parameter(QStringLiteral("TYPE"))) {
            if (!isUsageType(type.trimmed().toLower()) && service.isEmpty())
                service = type.trimmed();
        }
    }
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    const QString scheme = colon > 0 ? value.left(colon).toLower() : QString();
    const bool isUrl = value.contains(QLatin1String("://"));
    if (impp && service.isEmpty())
        service = scheme;
    std::optional<MethodKind> kind = service.isEmpty() ? std::nullopt : socialServiceKind(service);
    if (!kind && isUrl)
        kind = socialServiceOfUrl(value);
    if (!kind) {
        // A profile page on a service Rapport has no handles of is still the person's page.
        if (isUrl && !impp) {
            addMethod(property, MethodKind::Website, value, service.toLower());
            return;
        }
        unimported(
            QStringLiteral("%1 (%2)").arg(property.name, service.isEmpty() ? scheme : service.toLower()));
        return;
    }
    QString handle;
    for (const char* name : {"USERNAME", "X-USER"}) {
        if (handle.isEmpty())
            handle = firstParameter(property, name);
    }
    if (handle.isEmpty() && isUrl)
        handle = handleFromProfileUrl(*kind, value);
    if (handle.isEmpty()) {
        // "x-apple:ada", "discord:ada#0001", or the handle itself (VALUE=text); a URL not read is kept.
        handle = colon > 0 && !isUrl && scheme.startsWith(QLatin1String("x-")) ? value.mid(colon + 1)
                 : colon > 0 && !isUrl && impp                                 ? value.mid(colon + 1)
                                                                               : value;
    }
    addMethod(property, *kind, handle, labelOf(m_card, property));
}

void CardReading::read()
{
    ContactDraft& draft = m_out.draft;
    Contact& contact = draft.contact;
    draft.line = m_card.beginLine;
    draft.location = m_reader.location(m_card.beginLine);
    static const QStringList silent{QStringLiteral("VERSION"), QStringLiteral("PRODID"),
                                    QStringLiteral("X-ABLABEL")};
    for (const VCardProperty& property : m_card.properties) {
        const QString& name = property.name;
        if (silent.contains(name))
            continue;
        if (name == QLatin1String("FN")) {
            if (contact.displayName.isEmpty())
                contact.displayName = property.text().trimmed();
        } else if (name == QLatin1String("N")) {
            const QStringList parts = property.components();
            contact.familyName = parts.value(0).trimmed();
            contact.givenName = QStringList{parts.value(1).trimmed(), parts.value(2).trimmed()}
                                    .join(QLatin1Char(' '))
                                    .trimmed();
        } else if (name == QLatin1String("ORG")) {
            QStringList parts;
            for (const QString& part : property.components()) {
                if (!part.trimmed().isEmpty())
                    parts << part.trimmed();
            }
            contact.organization = parts.join(QStringLiteral(", "));
        } else if (name == QLatin1String("TITLE")) {
            contact.title = property.text().trimmed();
        } else if (name == QLatin1String("EMAIL")) {
            addMethod(property, MethodKind::Email, withoutScheme(property.text().trimmed(), "mailto"),
                      labelOf(m_card, property));
        } else if (name == QLatin1String("TEL")) {
            addMethod(property, MethodKind::Phone, withoutScheme(property.text().trimmed(), "tel"),
                      labelOf(m_card, property));
        } else if (name == QLatin1String("URL")) {
            addMethod(property, MethodKind::Website, property.text(), labelOf(m_card, property));
        } else if (name == QLatin1String("IMPP") || name == QLatin1String("X-SOCIALPROFILE") ||
                   name == QLatin1String("SOCIALPROFILE")) {
            readHandle(property);
        } else if (name == QLatin1String("CATEGORIES")) {
            for (const QString& tag : property.list()) {
                // Google's own groups are not the person's tags.
                if (tag.compare(QLatin1String("myContacts"), Qt::CaseInsensitive) == 0 ||
                    tag.compare(QLatin1String("starred"), Qt::CaseInsensitive) == 0)
                    continue;
                if (!contact.tags.contains(tag, Qt::CaseInsensitive))
                    contact.tags << tag;
            }
        } else if (name == QLatin1String("NOTE")) {
            if (const QString note = property.text().trimmed(); !note.isEmpty())
                draft.notes << note;
        } else if (name == QLatin1String("UID")) {
            if (draft.uid.isEmpty()) {
                draft.uid = property.text().trimmed();
                draft.uidLocation = where(property);
            }
        } else if (name == QLatin1String("REV")) {
            if (const std::optional<qint64> time = revisionTime(property.text()))
                draft.notesTime = *time;
            else
                unimported(QStringLiteral("REV"));
        } else if (name == QLatin1String("KIND") || name == QLatin1String("X-ADDRESSBOOKSERVER-KIND")) {
            if (property.text().trimmed().compare(QLatin1String("group"), Qt::CaseInsensitive) == 0)
                m_out.skipReason = QStringLiteral("a group of contacts (%1:group), not a person").arg(name);
        } else {
            unimported(name);
        }
    }
    draft.hasDisplayName = !contact.displayName.isEmpty();
    // A card whose text breaks the syntax is refused, a group card too: what was read of it only shows
    // whom it was about.
    if (!m_card.syntaxProblem.isEmpty()) {
        m_out.problems.prepend(m_card.syntaxProblem);
        m_out.skipReason.clear();
    }
    if (contact.effectiveDisplayName().isEmpty()) {
        for (const ContactMethod& method : std::as_const(contact.methods)) {
            if (method.kind == MethodKind::Email) {
                contact.displayName = method.value;
                break;
            }
        }
    }
    if (contact.effectiveDisplayName().isEmpty()) {
        // A card cut short by its syntax problem may have had its name further down.
        if (m_card.syntaxProblem.isEmpty())
            m_out.problems << QStringLiteral("%1: the card has no FN, N or EMAIL to name the contact by")
                                  .arg(draft.location);
        return;
    }
    contact.displayName = contact.effectiveDisplayName();
    if (const QString invalid = ContactRepository::validationError(contact); !invalid.isEmpty())
        m_out.problems << QStringLiteral("%1: %2").arg(draft.location, invalid);
}

// A property with TYPE values, or Apple's label in a group of its own (always for a property whose TYPE
// says something else: the service of a 3.0 X-SOCIALPROFILE).
void appendLabelled(VCard& card, VCardProperty property, const QString& label, int& groups)
{
    const QStringList types =
        property.name == QLatin1String("X-SOCIALPROFILE") ? QStringList() : typesOf(property.name, label);
    if (!types.isEmpty()) {
        property.parameters << VCardParameter{QStringLiteral("TYPE"), types};
    } else if (!label.isEmpty()) {
        property.group = QStringLiteral("item%1").arg(++groups);
        card.properties << property;
        VCardProperty name = VCardProperty::fromText(QStringLiteral("X-ABLabel"), label);
        name.group = property.group;
        card.properties << name;
        return;
    }
    card.properties << property;
}

QString revision(qint64 seconds, VCardVersion version)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    return time.toString(version == VCardVersion::V4 ? QStringLiteral("yyyyMMdd'T'HHmmss'Z'")
                                                     : QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

} // namespace

VCardContact contactFromVCard(const VCard& card, const VCardReader& reader)
{
    VCardContact contact;
    CardReading(card, reader, contact).read();
    return contact;
}

QString madeVCardUid(const Contact& contact)
{
    // A fixed namespace of Rapport's: the same contact (id and creation time) gives the same UID.
    static const QUuid rapportNamespace(QStringLiteral("{5d1c3c9e-8a51-4f53-9a44-0b7d3a6f2e10}"));
    const QUuid uid = QUuid::createUuidV5(
        rapportNamespace, QStringLiteral("contact/%1/%2").arg(contact.id).arg(contact.createdAt));
    return QStringLiteral("urn:uuid:") + uid.toString(QUuid::WithoutBraces);
}

VCard vcardFromContact(const Contact& contact, const VCardExtras& extras, VCardVersion version)
{
    VCard card;
    card.properties << VCardProperty::fromText(QStringLiteral("PRODID"),
                                               QStringLiteral("-//Rapport//Rapport//EN"));
    card.properties << VCardProperty::fromText(QStringLiteral("FN"), contact.effectiveDisplayName());
    card.properties << VCardProperty::fromComponents(
        QStringLiteral("N"), {contact.familyName, contact.givenName, QString(), QString(), QString()});
    if (!contact.organization.isEmpty())
        card.properties << VCardProperty::fromComponents(QStringLiteral("ORG"), {contact.organization});
    if (!contact.title.isEmpty())
        card.properties << VCardProperty::fromText(QStringLiteral("TITLE"), contact.title);
    int groups = 0;
    for (const MethodKind kind : {MethodKind::Email, MethodKind::Phone}) {
        for (const ContactMethod& method : contact.methods) {
            if (method.kind == kind)
                appendLabelled(card,
                               VCardProperty::fromText(kind == MethodKind::Email ? QStringLiteral("EMAIL")
                                                                                 : QStringLiteral("TEL"),
                                                       method.value),
                               method.label, groups);
        }
    }
    for (const ContactMethod& method : contact.methods) {
        if (method.kind == MethodKind::Email || method.kind == MethodKind::Phone ||
            method.kind == MethodKind::Website)
            continue;
        // RFC 9554 in 4.0, Apple's X-SOCIALPROFILE in 3.0; the handle itself goes in a parameter, so that
        // reading the card back does not depend on parsing the URL.
        const QString url = profileUrl(method.kind, method.value);
        VCardProperty profile;
        if (version == VCardVersion::V4) {
            profile.name = QStringLiteral("SOCIALPROFILE");
            profile.parameters << VCardParameter{QStringLiteral("SERVICE-TYPE"),
                                                 {socialServiceName(method.kind)}};
            if (url.isEmpty()) {
                profile.parameters << VCardParameter{QStringLiteral("VALUE"), {QStringLiteral("text")}};
                profile.value = escapeVCardText(method.value);
            } else {
                profile.parameters << VCardParameter{QStringLiteral("USERNAME"), {method.value}};
                profile.value = url;
            }
        } else {
            profile.name = QStringLiteral("X-SOCIALPROFILE");
            profile.parameters << VCardParameter{QStringLiteral("TYPE"), {methodKindName(method.kind)}};
            profile.parameters << VCardParameter{QStringLiteral("X-USER"), {method.value}};
            profile.value = url.isEmpty() ? QStringLiteral("x-apple:") + escapeVCardText(method.value) : url;
        }
        appendLabelled(card, profile, method.label, groups);
    }
    for (const ContactMethod& method : contact.methods) {
        if (method.kind == MethodKind::Website) {
            VCardProperty website;
            website.name = QStringLiteral("URL");
            website.value = method.value;
            appendLabelled(card, website, method.label, groups);
        }
    }
    if (!contact.tags.isEmpty())
        card.properties << VCardProperty::fromList(QStringLiteral("CATEGORIES"), contact.tags);
    for (const QString& note : extras.notes)
        card.properties << VCardProperty::fromText(QStringLiteral("NOTE"), note);
    VCardProperty uid;
    uid.name = QStringLiteral("UID");
    uid.value = extras.uid.isEmpty() ? madeVCardUid(contact) : escapeVCardText(extras.uid);
    card.properties << uid;
    if (contact.updatedAt > 0) {
        VCardProperty rev;
        rev.name = QStringLiteral("REV");
        rev.value = revision(contact.updatedAt, version);
        card.properties << rev;
    }
    return card;
}

} // namespace rapport
