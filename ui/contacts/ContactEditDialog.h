// SPDX-License-Identifier: GPL-3.0-or-later
// Add or edit a contact: names, organization and title, ways to reach them (one per line, "email:
// ada@example.org"), tags, owner and the cadence to keep.
#pragma once

#include "core/base/Result.h"
#include "core/model/Contact.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace rapport::ui {

class DatabaseSession;

class ContactEditDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactEditDialog)

public:
    // An empty contact (id 0) makes this a "New contact" dialog.
    ContactEditDialog(DatabaseSession& session, const Contact& contact, QWidget* parent = nullptr);
    ~ContactEditDialog() override;

    // The contact as entered; valid after the dialog was accepted.
    Contact contact() const;
    void accept() override;

    // Reads "kind: value" lines into methods, or says which line is wrong.
    static Result<QList<ContactMethod>> parseMethods(const QString& text);
    static QString formatMethods(const QList<ContactMethod>& methods);

private:
    DatabaseSession& m_session;
    Contact m_original;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_organization = nullptr;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_methods = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_owner = nullptr;
    QSpinBox* m_cadence = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace rapport::ui
