// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportMappingPage.h"

#include "ui/importing/ImportFieldDelegate.h"
#include "ui/importing/ImportMappingModel.h"
#include "ui/importing/ImportPreviewModel.h"
#include "ui/importing/ImportWizard.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace rapport::ui {

ImportMappingPage::ImportMappingPage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_mappingModel(new ImportMappingModel(this))
    , m_previewModel(new ImportPreviewModel(this))
    , m_format(new QLabel(this))
    , m_mappingView(new QTableView(this))
    , m_previewView(new QTableView(this))
    , m_previewLabel(new QLabel(tr("Preview of the first rows:"), this))
    , m_problem(new QLabel(this))
{
    setTitle(tr("Check the columns"));
    m_format->setWordWrap(true);
    m_format->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_mappingView->setModel(m_mappingModel);
    m_mappingView->setItemDelegateForColumn(ImportMappingModel::FieldColumn, new ImportFieldDelegate(this));
    m_mappingView->setSelectionMode(QAbstractItemView::NoSelection);
    m_mappingView->setFocusPolicy(Qt::NoFocus); // the combo boxes take the focus, not the cells
    m_mappingView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_mappingView->verticalHeader()->hide();
    m_mappingView->horizontalHeader()->setSectionResizeMode(ImportMappingModel::FileColumn,
                                                            QHeaderView::ResizeToContents);
    m_mappingView->horizontalHeader()->setSectionResizeMode(ImportMappingModel::ExampleColumn,
                                                            QHeaderView::Stretch);
    m_mappingView->horizontalHeader()->setSectionResizeMode(ImportMappingModel::FieldColumn,
                                                            QHeaderView::Fixed);
    m_mappingView->horizontalHeader()->resizeSection(ImportMappingModel::FieldColumn, 260);
    m_mappingView->verticalHeader()->setDefaultSectionSize(m_mappingView->fontMetrics().height() + 14);
    connect(m_mappingModel, &ImportMappingModel::mappingChanged, this, &ImportMappingPage::mappingChanged);

    m_previewView->setModel(m_previewModel);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->setWordWrap(false);
    m_previewView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_previewView->verticalHeader()->setDefaultSectionSize(m_previewView->fontMetrics().height() + 8);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->hide();

    auto* preview = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewLabel);
    previewLayout->addWidget(m_previewView, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_mappingView);
    splitter->addWidget(preview);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_format);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problem);
}

void ImportMappingPage::initializePage()
{
    const ImportPreview& preview = m_wizard.preview();
    // A vCard's properties are Rapport's fields already: nothing to map, only the cards to look at.
    m_mappingView->setVisible(!preview.cards);
    setTitle(preview.cards ? tr("Check the cards") : tr("Check the columns"));
    if (preview.cards) {
        m_format->setText(tr("Recognized as <b>%1</b>: each card becomes a contact, matched to those already "
                             "there by its UID, emails and handles.")
                              .arg(preview.formatName.toHtmlEscaped()));
        setSubTitle(
            tr("Check what the cards of %1 give each contact.").arg(QFileInfo(m_wizard.path()).fileName()));
        m_previewLabel->setText(tr("Preview of the first cards:"));
        m_previewModel->reset(preview.header, preview.rows, true);
        m_problem->hide();
        m_previewView->resizeColumnsToContents();
        for (int column = 0; column < m_previewModel->columnCount(); ++column)
            m_previewView->setColumnWidth(column, std::min(m_previewView->columnWidth(column), 260));
        emit completeChanged();
        return;
    }
    m_previewLabel->setText(tr("Preview of the first rows:"));
    QString format;
    if (!preview.formatKey.isEmpty())
        format = tr("Recognized as <b>%1</b> (header on line %2).")
                     .arg(preview.formatName.toHtmlEscaped())
                     .arg(preview.headerLine);
    else
        format = tr("Not a layout Rapport knows, so the columns were matched by their names; check "
                    "each one.");
    if (m_wizard.mappingWasSaved())
        format += QLatin1Char(' ') + tr("The columns are mapped as you mapped this header last time.");
    m_format->setText(format);
    setSubTitle(tr("Choose what each column of %1 is imported as, or \"not imported\".")
                    .arg(QFileInfo(m_wizard.path()).fileName()));

    // The first non-empty value of each column: LinkedIn leaves most emails empty, for one.
    QStringList examples;
    for (int column = 0; column < preview.header.size(); ++column) {
        QString example;
        for (const QStringList& row : preview.rows) {
            if (example.isEmpty())
                example = row.value(column).trimmed();
        }
        examples << example;
    }
    m_mappingModel->reset(m_wizard.target(), preview.header, examples, m_wizard.mapping());
    for (int row = 0; row < m_mappingModel->rowCount(); ++row)
        m_mappingView->openPersistentEditor(m_mappingModel->index(row, ImportMappingModel::FieldColumn));
    m_previewModel->reset(preview.header, preview.rows);
    mappingChanged();
    m_previewView->resizeColumnsToContents();
    for (int column = 0; column < m_previewModel->columnCount(); ++column)
        m_previewView->setColumnWidth(column, std::min(m_previewView->columnWidth(column), 260));
}

bool ImportMappingPage::isComplete() const
{
    return m_wizard.preview().cards || m_wizard.mapping().problem(m_wizard.target()).isEmpty();
}

void ImportMappingPage::mappingChanged()
{
    m_wizard.setMapping(m_mappingModel->mapping());
    QStringList labels;
    for (int column = 0; column < m_mappingModel->rowCount(); ++column) {
        const int choice = m_mappingModel->choiceOf(column);
        labels << (choice == 0 ? QString() : m_mappingModel->choiceLabel(choice));
    }
    m_previewModel->setFieldLabels(labels);
    const QString problem = m_wizard.mapping().problem(m_wizard.target());
    m_problem->setText(problem.isEmpty() ? QString() : tr("Cannot import yet: %1.").arg(problem));
    m_problem->setVisible(!problem.isEmpty());
    emit completeChanged();
}

} // namespace rapport::ui
