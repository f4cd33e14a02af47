// Add a trust note: what kind of signal it is, an optional trust level, and the note itself.
#pragma once

#include "model/TrustNote.h"

#include <QDialog>

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

    TrustNote note() const;
    void accept() override;

private:
    qint64 m_contactId;
    QComboBox* m_kind = nullptr;
    QComboBox* m_level = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace rapport::ui
