// SPDX-License-Identifier: GPL-3.0-or-later
// The archive import's first page: the file, folder or zip, its format (recognized by content unless
// chosen), who "me" is, whether people not in Rapport become contacts, and whether texts are kept.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace rapport::ui {

class ArchiveImportWizard;

class ArchiveSourcePage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveSourcePage)

public:
    explicit ArchiveSourcePage(ArchiveImportWizard& wizard);

    QLineEdit* pathField() const { return m_path; }
    QComboBox* formatBox() const { return m_format; }
    QLineEdit* meField() const { return m_me; }
    QCheckBox* newContactsBox() const { return m_newContacts; }
    QCheckBox* bodiesBox() const { return m_bodies; }
    QLabel* messageLabel() const { return m_message; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void chooseFile();
    void chooseFolder();

    ArchiveImportWizard& m_wizard;
    QLineEdit* m_path = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_me = nullptr;
    QLabel* m_by = nullptr;
    QCheckBox* m_newContacts = nullptr;
    QCheckBox* m_bodies = nullptr;
    QLabel* m_message = nullptr;
    QString m_memberName;
};

} // namespace rapport::ui
