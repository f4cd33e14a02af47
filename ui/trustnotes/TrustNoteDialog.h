// SPDX-License-Identifier: GPL-3.0-or-later
// Add a trust note: what kind of signal it is, an optional trust level, and the note itself.
#pragma once

#include "core/model/TrustNote.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace rapport::ui {

class TrustNoteDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustNoteDialog)

public:
    TrustNoteDialog(qint64 contactId, const QString& contactName, QWidget* parent = nullptr);
    ~TrustNoteDialog() override;

    // Turns the dialog into an editor of an existing note, prefilled with it.
    void editNote(const TrustNote& note);
    // The note as entered; when editing, with the edited note's id, time and author.
    TrustNote note() const;
    void accept() override;

private:
    qint64 m_contactId;
    QComboBox* m_kind = nullptr;
    QComboBox* m_level = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_error = nullptr;
    std::optional<TrustNote> m_editing;
};

} // namespace rapport::ui
