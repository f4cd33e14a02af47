// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportMappingModel.h"

#include <QPalette>

namespace rapport::ui {

namespace {

struct Service
{
    MethodKind kind;
    const char* label;
};

// The services a "Handle" column can belong to; emails, phones and websites have fields of their own.
constexpr Service handleServices[] = {
    {MethodKind::LinkedIn, "LinkedIn"}, {MethodKind::X, "X (Twitter)"},
    {MethodKind::Mastodon, "Mastodon"}, {MethodKind::GitHub, "GitHub"},
    {MethodKind::Forum, "Forum"},       {MethodKind::Discord, "Discord"},
    {MethodKind::Slack, "Slack"},       {MethodKind::Facebook, "Facebook"},
};

} // namespace

ImportMappingModel::ImportMappingModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ImportMappingModel::reset(ImportTarget target, const QStringList& header, const QStringList& examples,
                               const ColumnMapping& mapping)
{
    beginResetModel();
    m_choices.clear();
    m_choices << Choice{std::nullopt, MethodKind::Email, tr("— not imported —")};
    for (const ImportField field : importFields(target)) {
        if (field == ImportField::Handle) {
            for (const Service& service : handleServices)
                m_choices << Choice{field, service.kind, tr("%1 handle").arg(QLatin1String(service.label))};
        } else {
            m_choices << Choice{field, MethodKind::Email, importFieldLabel(field)};
        }
    }
    m_header = header;
    m_examples = examples;
    m_mapping = mapping;
    endResetModel();
}

int ImportMappingModel::choiceOf(int column) const
{
    const std::optional<ColumnBinding> binding = m_mapping.bindingOf(column);
    if (!binding)
        return 0;
    for (int i = 1; i < m_choices.size(); ++i) {
        const Choice& choice = m_choices.at(i);
        if (choice.field == binding->field &&
            (binding->field != ImportField::Handle || choice.service == binding->service))
            return i;
    }
    return 0;
}

int ImportMappingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_header.size());
}

int ImportMappingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportMappingModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const int column = index.row();
    switch (index.column()) {
    case FileColumn:
        if (role == Qt::DisplayRole)
            return m_header.at(column);
        break;
    case ExampleColumn:
        if (role == Qt::DisplayRole)
            return m_examples.value(column).simplified();
        if (role == Qt::ForegroundRole)
            return QPalette().brush(QPalette::PlaceholderText);
        break;
    case FieldColumn:
        if (role == Qt::DisplayRole)
            return m_choices.at(choiceOf(column)).label;
        if (role == Qt::EditRole)
            return choiceOf(column);
        if (role == ChoicesRole) {
            QStringList labels;
            for (const Choice& choice : m_choices)
                labels << choice.label;
            return labels;
        }
        break;
    default:
        break;
    }
    return {};
}

bool ImportMappingModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != FieldColumn || role != Qt::EditRole)
        return false;
    const int choice = value.toInt();
    if (choice < 0 || choice >= m_choices.size())
        return false;
    if (choice == choiceOf(index.row()))
        return true;
    const Choice& chosen = m_choices.at(choice);
    if (chosen.field)
        m_mapping.bind(index.row(), *chosen.field, chosen.service);
    else
        m_mapping.unbind(index.row());
    emit dataChanged(index, index);
    emit mappingChanged();
    return true;
}

Qt::ItemFlags ImportMappingModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == FieldColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ImportMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("Column in the file");
    case ExampleColumn:
        return tr("Example");
    case FieldColumn:
        return tr("Imported as");
    default:
        return {};
    }
}

} // namespace rapport::ui
