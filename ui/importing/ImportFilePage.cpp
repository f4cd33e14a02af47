// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportFilePage.h"

#include "ui/importing/ImportWizard.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace rapport::ui {

ImportFilePage::ImportFilePage(ImportWizard& wizard)
    : m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_target(new QComboBox(this))
    , m_encoding(new QComboBox(this))
    , m_message(new QLabel(this))
{
    setTitle(tr("Choose a file"));
    setSubTitle(
        tr("A vCard file (.vcf) of contacts from a phone, Apple, Google, Outlook or a DAV server, or a "
           "CSV file from Rapport, LinkedIn (Connections.csv), Google Contacts or Outlook, is "
           "recognized from its content; any other CSV file can be mapped by hand on the next page."));
    m_path->setPlaceholderText(tr("people.csv"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("Choose…"));
    connect(browse, &QToolButton::clicked, this, &ImportFilePage::chooseFile);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_message->hide();
        emit completeChanged();
    });

    m_target->addItem(tr("Contacts"), static_cast<int>(ImportTarget::Contacts));
    m_target->addItem(tr("Conversations"), static_cast<int>(ImportTarget::Interactions));
    m_target->addItem(tr("Trust notes"), static_cast<int>(ImportTarget::Notes));
    m_encoding->addItem(tr("UTF-8 (Rapport, LinkedIn, Google, current Excel)"),
                        static_cast<int>(CsvEncoding::Utf8));
    m_encoding->addItem(tr("Latin-1 (older Excel and Outlook files)"), static_cast<int>(CsvEncoding::Latin1));

    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    auto* form = new QFormLayout;
    // A row whose field is a layout gets no buddy from QFormLayout: the label needs one for its "&".
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, file);
    form->addRow(tr("&Holds:"), m_target);
    form->addRow(tr("&Encoding:"), m_encoding);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
}

bool ImportFilePage::isComplete() const
{
    return QFileInfo(m_path->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage()
{
    const QString path = m_path->text().trimmed();
    const auto target = static_cast<ImportTarget>(m_target->currentData().toInt());
    const auto encoding = static_cast<CsvEncoding>(m_encoding->currentData().toInt());
    const Status loaded = m_wizard.load(path, target, encoding);
    if (loaded) {
        m_message->hide();
        return true;
    }
    // A file that reads as Latin-1 but not as UTF-8 fails only on its encoding: offer Latin-1 instead of
    // showing the text garbled.
    if (encoding == CsvEncoding::Utf8 && m_wizard.load(path, target, CsvEncoding::Latin1)) {
        m_encoding->setCurrentIndex(m_encoding->findData(static_cast<int>(CsvEncoding::Latin1)));
        showProblem(tr("This file is not valid UTF-8:\n%1\n\nThe Latin-1 encoding is now chosen: click "
                       "Next to read it that way and check the preview.")
                        .arg(loaded.error().message));
        m_encoding->setFocus();
        return false;
    }
    showProblem(loaded.error().message);
    return false;
}

void ImportFilePage::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import from"), m_path->text(),
                                                      tr("CSV and vCard files (*.csv *.txt *.vcf *.vcard);;"
                                                         "All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ImportFilePage::showProblem(const QString& text)
{
    m_message->setText(text);
    m_message->show();
}

} // namespace rapport::ui
