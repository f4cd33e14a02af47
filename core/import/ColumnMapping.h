// SPDX-License-Identifier: GPL-3.0-or-later
// Which CSV column feeds which Rapport field. Known formats build one from their header; the import
// wizard lets a person build or correct one, and save it by column name to reuse on the next file.
#pragma once

#include "core/base/Result.h"
#include "core/import/ImportField.h"
#include "core/model/ContactMethod.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace rapport {

struct ColumnBinding
{
    int column = 0; // 0-based index into the header
    ImportField field = ImportField::DisplayName;
    MethodKind service = MethodKind::Email; // the service of an ImportField::Handle column

    bool operator==(const ColumnBinding&) const = default;
};

class ColumnMapping
{
public:
    // Binds a column, replacing what it was bound to.
    void bind(int column, ImportField field, MethodKind service = MethodKind::Email);
    void unbind(int column);

    const QList<ColumnBinding>& bindings() const { return m_bindings; }
    QList<ColumnBinding> bindingsOf(ImportField field) const;
    bool has(ImportField field) const;
    std::optional<ColumnBinding> bindingOf(int column) const;
    bool isEmpty() const { return m_bindings.isEmpty(); }

    // Why this mapping cannot import `target` (a required field has no column), or empty.
    QString problem(ImportTarget target) const;

    // "Email Address=email", "Twitter=handle:x": by column name, so a saved mapping survives reordered
    // columns. restore() refuses names the header lacks and unknown fields.
    QStringList save(const QStringList& header) const;
    static Result<ColumnMapping> restore(const QStringList& saved, const QStringList& header);

    // A first guess for the wizard: columns whose names are those of Rapport's fields or common synonyms.
    static ColumnMapping guess(const QStringList& header, ImportTarget target);

    bool operator==(const ColumnMapping&) const = default;

private:
    QList<ColumnBinding> m_bindings; // in column order
};

} // namespace rapport
