// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/PersonActions.h"

#include "core/base/Clock.h"
#include "core/services/PersonData.h"
#include "core/storage/ContactRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QUndoStack>

namespace rapport::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rapport::ui::PersonActions", text);
}

QString counted(qint64 n, const char* one, const char* many)
{
    return (n == 1 ? tr(one) : tr(many)).arg(n);
}

} // namespace

Result<QString> PersonActions::writePerson(qint64 contactId, const QString& path)
{
    const Result<QJsonObject> document =
        personDocument(m_session.database(), m_session.engine(), contactId, Clock::nowSeconds());
    if (!document)
        return document.error();
    const QByteArray json = QJsonDocument(*document).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error::database(
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return tr("Everything about %1 was written to %2.")
        .arg(document->value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("display_name"))
                 .toString(),
             QDir::toNativeSeparators(path));
}

QString PersonActions::exportPerson(qint64 contactId)
{
    if (contactId <= 0)
        return tr("Select a contact first, then export their data.");
    const QString path = QFileDialog::getSaveFileName(
        m_parent, tr("Export this person"),
        QDir::home().filePath(QStringLiteral("person-%1.json").arg(contactId)), tr("JSON (*.json)"));
    if (path.isEmpty())
        return {};
    const Result<QString> written = writePerson(contactId, path);
    if (!written) {
        QMessageBox::warning(m_parent, tr("Export this person"), written.error().message);
        return {};
    }
    return *written;
}

Result<QString> PersonActions::forget(qint64 contactId)
{
    const Result<ForgetReport> report = PersonEraser(m_session.database()).forget(contactId);
    if (!report)
        return report.error();
    m_session.undoStack()->clear();
    m_session.everythingTouched();
    return tr("%1 was forgotten: %2, %3 and %4 erased.")
        .arg(report->name,
             counted(report->methods, "%1 email, phone or handle", "%1 emails, phones and handles"),
             counted(report->conversations, "%1 conversation", "%1 conversations"),
             counted(report->notes, "%1 trust note", "%1 trust notes"));
}

QString PersonActions::forgetPerson(qint64 contactId)
{
    if (contactId <= 0)
        return tr("Select a contact first, then forget them.");
    const Result<ContactSnapshot> person = ContactRepository(m_session.database()).snapshot(contactId);
    if (!person) {
        emit m_session.errorOccurred(person.error().message);
        return {};
    }
    QMessageBox box(QMessageBox::Warning, tr("Forget this person"),
                    tr("Erase %1 for good: %2, %3, %4 and their scores?")
                        .arg(person->contact.effectiveDisplayName(),
                             counted(person->contact.methods.size(), "%1 email, phone or handle",
                                     "%1 emails, phones and handles"),
                             counted(person->interactions.size(), "%1 conversation", "%1 conversations"),
                             counted(person->notes.size(), "%1 trust note", "%1 trust notes")),
                    QMessageBox::Cancel, m_parent);
    box.setInformativeText(tr("This cannot be undone, and the undo history is cleared. Only salted hashes of "
                              "their addresses stay, so that imports skip them. Export their data first if "
                              "they asked for a copy."));
    QAbstractButton* erase = box.addButton(tr("&Forget"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != erase)
        return {};
    const Result<QString> forgotten = forget(contactId);
    if (!forgotten) {
        QMessageBox::warning(m_parent, tr("Forget this person"), forgotten.error().message);
        return {};
    }
    return *forgotten;
}

} // namespace rapport::ui
