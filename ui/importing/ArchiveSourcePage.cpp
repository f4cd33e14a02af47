// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ArchiveSourcePage.h"

#include "core/storage/TeamIdentityRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "ui/importing/ArchiveImportWizard.h"
#include "ui/session/DatabaseSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>

namespace rapport::ui {

ArchiveSourcePage::ArchiveSourcePage(ArchiveImportWizard& wizard)
    : m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_me(new QLineEdit(this))
    , m_by(new QLabel(this))
    , m_newContacts(new QCheckBox(tr("Create a contact for each person not in Rapport yet"), this))
    , m_bodies(new QCheckBox(tr("Keep each message's text (up to 4 KB)"), this))
    , m_message(new QLabel(this))
{
    setTitle(tr("Conversations from an archive"));
    setSubTitle(tr("A mailbox (mbox, .eml files), or a Slack, Mastodon, Discord or Discourse export: a file, "
                   "a folder or a .zip. Each message becomes a conversation with the people it was with; "
                   "importing the same archive again adds nothing."));
    m_path->setPlaceholderText(tr("/path/to/Inbox.mbox, slack-export.zip, …"));
    m_path->setClearButtonEnabled(true);
    auto* file = new QToolButton(this);
    file->setText(tr("File…"));
    auto* folder = new QToolButton(this);
    folder->setText(tr("Folder…"));
    connect(file, &QToolButton::clicked, this, &ArchiveSourcePage::chooseFile);
    connect(folder, &QToolButton::clicked, this, &ArchiveSourcePage::chooseFolder);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_message->clear();
        emit completeChanged();
    });

    const std::pair<QString, ConversationFormat> formats[] = {
        {tr("Recognize by content"), ConversationFormat::Auto},
        {tr("Mailbox (mbox)"), ConversationFormat::Mbox},
        {tr("Mail files (.eml)"), ConversationFormat::Eml},
        {tr("Slack workspace export"), ConversationFormat::Slack},
        {tr("Mastodon account archive"), ConversationFormat::Mastodon},
        {tr("Discord export"), ConversationFormat::Discord},
        {tr("Discourse topic (JSON)"), ConversationFormat::Discourse}};
    for (const auto& [label, format] : formats)
        m_format->addItem(label, static_cast<int>(format));

    m_me->setPlaceholderText(tr("your email addresses, or your user id or name in a chat export"));
    m_me->setToolTip(tr("Separate several with commas. A Mastodon archive or a Discord data package names "
                        "its owner itself."));
    m_by->setWordWrap(true);
    m_newContacts->setChecked(true);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828"));

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(file);
    pathRow->addWidget(folder);
    auto* form = new QFormLayout;
    // A row of a layout gets no buddy from addRow(), so its mnemonic would show as a literal '&'.
    auto* pathLabel = new QLabel(tr("&Archive:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Me:"), m_me);
    form->addRow(QString(), m_by);
    form->addRow(QString(), m_newContacts);
    form->addRow(QString(), m_bodies);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
}

void ArchiveSourcePage::initializePage()
{
    m_memberName.clear();
    const qint64 memberId = m_wizard.session().currentMemberId();
    if (memberId == 0) {
        m_by->setText(tr("Nobody is set as you (Edit > Settings > Team): the conversations are logged by "
                         "nobody, and \"me\" is only what you type above."));
        return;
    }
    const Result<TeamMember> member = TeamMemberRepository(m_wizard.session().database()).get(memberId);
    if (!member) {
        m_by->setText(member.error().message);
        return;
    }
    m_memberName = member->name;
    const Result<QList<TeamIdentity>> identities =
        TeamIdentityRepository(m_wizard.session().database()).listForMember(memberId);
    if (!identities) {
        m_by->setText(identities.error().message);
        return;
    }
    if (m_me->text().isEmpty()) {
        QStringList values;
        for (const TeamIdentity& identity : *identities)
            values << identity.value;
        m_me->setText(values.join(QStringLiteral(", ")));
    }
    m_by->setText(tr("Logged by %1, who is you in this database; %1's emails and handles (Edit > Settings > "
                     "Team) count as you.")
                      .arg(member->name.toHtmlEscaped()));
}

bool ArchiveSourcePage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty();
}

bool ArchiveSourcePage::validatePage()
{
    const QString path = m_path->text().trimmed();
    if (!QFileInfo::exists(path)) {
        m_message->setText(tr("%1: no such file or folder").arg(path));
        return false;
    }
    ConversationImportOptions options;
    options.format = static_cast<ConversationFormat>(m_format->currentData().toInt());
    // Not spaces: a chat export's "me" may be a name.
    static const QRegularExpression separators(QStringLiteral("\\s*[,;]\\s*"));
    options.me = m_me->text().trimmed().split(separators, Qt::SkipEmptyParts);
    options.by = m_memberName;
    options.newContacts = m_newContacts->isChecked() ? NewContacts::All : NewContacts::None;
    options.bodies = m_bodies->isChecked();
    m_wizard.setSource(path, options);
    return true;
}

void ArchiveSourcePage::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import conversations from"), m_path->text(),
                                     tr("Archives (*.mbox *.mbx *.eml *.zip *.json *.csv);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ArchiveSourcePage::chooseFolder()
{
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Import conversations from"), m_path->text());
    if (!path.isEmpty())
        m_path->setText(path);
}

} // namespace rapport::ui
