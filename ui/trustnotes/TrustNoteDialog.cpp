// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trustnotes/TrustNoteDialog.h"

#include "core/base/Clock.h"
#include "core/storage/TrustNoteRepository.h"
#include "ui/widgets/EditDialogLayout.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>

namespace rapport::ui {

TrustNoteDialog::TrustNoteDialog(qint64 contactId, const QString& contactName, QWidget* parent)
    : QDialog(parent)
    , m_contactId(contactId)
    , m_kind(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Trust note about %1").arg(contactName));
    for (int kind = 0; kind < trustKindCount; ++kind)
        m_kind->addItem(trustKindLabel(static_cast<TrustKind>(kind)), kind);
    m_level->addItem(tr("No level"), 0);
    const std::array<QString, 5> levels{tr("1 — low"), tr("2"), tr("3 — neutral"), tr("4"), tr("5 — high")};
    for (int level = 1; level <= 5; ++level)
        m_level->addItem(levels[static_cast<size_t>(level - 1)], level);
    m_text->setPlaceholderText(tr("e.g. \"Delivered the review they promised, on time.\""));
    m_text->setTabChangesFocus(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();

    auto* contact = new QLabel(QStringLiteral("<b>%1</b>").arg(contactName.toHtmlEscaped()), this);
    contact->setTextFormat(Qt::RichText);
    auto* form = new QFormLayout;
    form->addRow(tr("Contact:"), contact);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("Trust &level:"), m_level);
    form->addRow(tr("&Note:"), m_text);
    layOutEditDialog(*this, form, m_error);
    setMinimumWidth(460);
    m_kind->setFocus();
}

TrustNoteDialog::~TrustNoteDialog() = default;

void TrustNoteDialog::editNote(const TrustNote& note)
{
    m_editing = note;
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(note.kind)));
    m_level->setCurrentIndex(m_level->findData(note.trustLevel.value_or(0)));
    m_text->setPlainText(note.text);
}

TrustNote TrustNoteDialog::note() const
{
    TrustNote note = m_editing.value_or(TrustNote{});
    note.contactId = m_contactId;
    if (!m_editing)
        note.createdAt = Clock::nowSeconds();
    note.kind = static_cast<TrustKind>(m_kind->currentData().toInt());
    note.trustLevel.reset();
    if (const int level = m_level->currentData().toInt(); level > 0)
        note.trustLevel = level;
    note.text = m_text->toPlainText().trimmed();
    return note;
}

void TrustNoteDialog::accept()
{
    if (const QString problem = TrustNoteRepository::validationError(note()); !problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_text->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace rapport::ui
