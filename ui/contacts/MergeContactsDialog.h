// SPDX-License-Identifier: GPL-3.0-or-later
// Merge contacts: the records side by side, one column each, and for every field the value that wins
// (prefilled with the most complete); which record's id lives on; and what the merged contact keeps.
#pragma once

#include "core/base/Result.h"
#include "core/model/Contact.h"
#include "core/storage/Database.h"

#include <QDialog>
#include <QList>

class QButtonGroup;
class QLabel;

namespace rapport::ui {

struct MergeCandidate
{
    Contact contact;
    qint64 conversations = 0;
    qint64 notes = 0;
    QString ownerName; // empty: nobody
};

class MergeContactsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergeContactsDialog)

public:
    // The contacts with what the dialog shows of them, in the order of `ids`.
    static Result<QList<MergeCandidate>> load(Database& db, const QList<qint64>& ids);

    explicit MergeContactsDialog(QList<MergeCandidate> candidates, QWidget* parent = nullptr);
    ~MergeContactsDialog() override;

    qint64 keptId() const;
    QList<qint64> otherIds() const;
    // The chosen name, organization, title, owner and cadence.
    Contact chosenFields() const;
    QString keptName() const;

private:
    enum Field
    {
        Name,
        Organization,
        Title,
        Owner,
        Cadence,
        FieldCount
    };
    static QString valueText(const MergeCandidate& candidate, Field field);
    int mostComplete(Field field) const;
    int chosenColumn(Field field) const;

    QList<MergeCandidate> m_candidates;
    QButtonGroup* m_keep = nullptr;
    QList<QButtonGroup*> m_fields;
};

} // namespace rapport::ui
