// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard's second page: the format found, what each column of the file is imported as (to
// correct or to make by hand) and a preview of the first rows under the fields they will fill.
#pragma once

#include <QWizardPage>

class QLabel;
class QTableView;

namespace rapport::ui {

class ImportMappingModel;
class ImportPreviewModel;
class ImportWizard;

class ImportMappingPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportMappingPage)

public:
    explicit ImportMappingPage(ImportWizard& wizard);

    ImportMappingModel* mappingModel() const { return m_mappingModel; }
    ImportPreviewModel* previewModel() const { return m_previewModel; }
    QTableView* mappingView() const { return m_mappingView; }
    QLabel* formatLabel() const { return m_format; }
    QLabel* problemLabel() const { return m_problem; }

    void initializePage() override;
    // False while the mapping lacks a field the import needs (a name, the contact, a date); a vCard file
    // has no mapping to complete.
    bool isComplete() const override;

private:
    void mappingChanged();

    ImportWizard& m_wizard;
    ImportMappingModel* m_mappingModel = nullptr;
    ImportPreviewModel* m_previewModel = nullptr;
    QLabel* m_format = nullptr;
    QTableView* m_mappingView = nullptr;
    QTableView* m_previewView = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace rapport::ui
