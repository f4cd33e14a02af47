// SPDX-License-Identifier: GPL-3.0-or-later
// One vCard (2.1, 3.0 or 4.0) as its properties, kept close to the text so that the reader, the writer
// and the mapping to contacts share one vocabulary: names and parameter names upper-cased, values decoded
// from quoted-printable and their charset but still escaped, each property with the line it starts on.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace rapport {

struct VCardParameter
{
    QString name; // upper-case; a 2.1 bare parameter ("TEL;WORK:") is a TYPE
    QStringList values;
};

struct VCardProperty
{
    QString group; // "item1" of Apple's "item1.EMAIL", as written
    QString name;  // upper-case: "EMAIL", "X-SOCIALPROFILE"
    QList<VCardParameter> parameters;
    QString value; // escaped as in the file (\, \; \n), quoted-printable and charset already decoded
    qint64 line = 0;

    // Every value of the parameters with this name (case-insensitive).
    QStringList parameter(const QString& name) const;
    // Whether TYPE lists `type` (case-insensitive), also as a comma-separated value.
    bool hasType(const QString& type) const;
    // The value unescaped as one text.
    QString text() const;
    // The value split on unescaped ';' (N, ORG), each part unescaped.
    QStringList components() const;
    // The value split on unescaped ',' (CATEGORIES), each item unescaped and trimmed, empty ones left out.
    QStringList list() const;

    // A property whose value is `text`, escaped for writing.
    static VCardProperty fromText(const QString& name, const QString& text);
    static VCardProperty fromComponents(const QString& name, const QStringList& components);
    static VCardProperty fromList(const QString& name, const QStringList& items);
};

struct VCard
{
    QString version; // as written in VERSION, empty when the card has none
    qint64 beginLine = 0;
    qint64 endLine = 0;
    QList<VCardProperty> properties;
    // Set by the reader when the card's text breaks the vCard syntax (a line without ':', a bad name, no
    // END:VCARD), naming the file and the line: the card is refused, and holds the properties before it.
    QString syntaxProblem;

    // The properties with this name, in order.
    QList<const VCardProperty*> all(const QString& name) const;
    // The first property with this name, or nullptr.
    const VCardProperty* first(const QString& name) const;
    // The property of `group` with this name (Apple's "item1.X-ABLabel"), or nullptr.
    const VCardProperty* inGroup(const QString& group, const QString& name) const;
};

// "\\," -> "," , "\\n" -> newline.
QString unescapeVCardText(QStringView text);
// The reverse, for TEXT values: backslash, comma, semicolon and line breaks.
QString escapeVCardText(const QString& text);

} // namespace rapport
