// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ArchivePeopleModel.h"

#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

ArchivePeopleModel::ArchivePeopleModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ArchivePeopleModel::setPeople(QList<ArchivePerson> people)
{
    beginResetModel();
    m_people = std::move(people);
    m_leftOut.clear();
    endResetModel();
    emit leftOutChanged();
}

int ArchivePeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_people.size());
}

int ArchivePeopleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArchivePeopleModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_people.size())
        return {};
    const ArchivePerson& person = m_people.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == NameColumn)
        return m_leftOut.contains(person.key) ? Qt::Unchecked : Qt::Checked;
    const auto day = [](qint64 seconds) {
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds).date(), QLocale::ShortFormat);
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return person.name;
        case AddressColumn:
            return person.address;
        case ContactColumn:
            return person.created ? tr("new contact") : tr("matched");
        case ConversationsColumn:
            return person.conversations;
        case FirstColumn:
            return day(person.first);
        case LastColumn:
            return day(person.last);
        default:
            return {};
        }
    }
    // Sorting by date or count sorts by value, not by the text shown.
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case ConversationsColumn:
            return person.conversations;
        case FirstColumn:
            return person.first;
        case LastColumn:
            return person.last;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == ConversationsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == ContactColumn)
        return person.created
                   ? tr("Nobody in Rapport has this address or handle: the import creates a contact.")
                   : tr("The contact with this address or handle.");
    return {};
}

bool ArchivePeopleModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != NameColumn || role != Qt::CheckStateRole)
        return false;
    const QString& key = m_people.at(index.row()).key;
    if (value.value<Qt::CheckState>() == Qt::Checked)
        m_leftOut.remove(key);
    else
        m_leftOut.insert(key);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit leftOutChanged();
    return true;
}

Qt::ItemFlags ArchivePeopleModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ArchivePeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Person");
    case AddressColumn:
        return tr("Address or handle");
    case ContactColumn:
        return tr("Contact");
    case ConversationsColumn:
        return tr("Conversations");
    case FirstColumn:
        return tr("First");
    case LastColumn:
        return tr("Last");
    default:
        return {};
    }
}

} // namespace rapport::ui
