// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard's first page: the file, what it holds (contacts, conversations, trust notes) and its
// encoding, with Latin-1 offered when the file is not valid UTF-8.
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace rapport::ui {

class ImportWizard;

class ImportFilePage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportFilePage)

public:
    explicit ImportFilePage(ImportWizard& wizard);

    QLineEdit* pathField() const { return m_path; }
    QComboBox* targetBox() const { return m_target; }
    QComboBox* encodingBox() const { return m_encoding; }
    QLabel* messageLabel() const { return m_message; }

    bool isComplete() const override;
    // Reads the file's header and first rows; stays on the page with the reason when it cannot.
    bool validatePage() override;

private:
    void chooseFile();
    void showProblem(const QString& text);

    ImportWizard& m_wizard;
    QLineEdit* m_path = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_encoding = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace rapport::ui
