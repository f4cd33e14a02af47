// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/SettingsDialog.h"

#include "core/base/Clock.h"
#include "core/scoring/LogReplay.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TeamIdentityRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "ui/jobs/DatabaseJob.h"
#include "ui/reminders/ReminderPreferences.h"
#include "ui/session/DatabaseSession.h"
#include "ui/settings/TeamMemberModel.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/ComponentBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace rapport::ui {

namespace {

constexpr qint64 day = 86400;

// Worked example D of scoring.md: 12 fortnightly conversations, the newest 41 days ago, the 3rd, 7th and
// 11th oldest inbound. A sample every setting visibly moves.
QList<Interaction> workedExampleD(qint64 now)
{
    QList<Interaction> log;
    for (int k = 0; k < 12; ++k) {
        Interaction interaction;
        interaction.occurredAt = now - (41 + 14 * (11 - k)) * day;
        interaction.direction = (k == 2 || k == 6 || k == 10) ? Direction::Inbound : Direction::Outbound;
        log << interaction;
    }
    return log;
}

struct SettingLabel
{
    const char* key;
    const char* label;
    const char* help;
};

const SettingLabel settingLabels[] = {
    {"half_life_days", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Half-life H (days)"),
     QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "After this many days a conversation counts half.")},
    {"prior_cadence_days", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Prior cadence E0 (days)"),
     QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog",
                       "Expected days between conversations before Rapport has seen a gap (a tag may "
                       "set its own).")},
    {"cadence_alpha", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Cadence weight α"),
     QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog",
                       "How much the newest gap moves the learned cadence (between 0 and 1).")},
    {"reference_touches", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Full frequency at D_ref touches"),
     QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog",
                       "Decayed touch days that earn a frequency of 100 (weekly contact ≈ 19).")},
    {"weight_recency", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Recency weight"), ""},
    {"weight_frequency", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Frequency weight"), ""},
    {"weight_reciprocity", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Reciprocity weight"), ""},
    {"weight_trust", QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "Trust weight T"),
     QT_TRANSLATE_NOOP("rapport::ui::SettingsDialog", "0 leaves trust notes out of the score.")},
};

QString channelWeightKey(Channel channel)
{
    return QStringLiteral("channel_weight_") + channelName(channel);
}

} // namespace

SettingsDialog::SettingsDialog(DatabaseSession& session, qint64 sampleContactId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_saved(session.engine().settings().toMap())
    , m_edited(m_saved)
    , m_error(new QLabel(this))
    , m_sample(new QLabel(this))
    , m_score(new QLabel(this))
    , m_band(new QLabel(this))
    , m_change(new QLabel(this))
    , m_recency(newComponentBar(tr("Recency %v"), this))
    , m_frequency(newComponentBar(tr("Frequency %v"), this))
    , m_reciprocity(newComponentBar(tr("Reciprocity %v"), this))
    , m_trust(newComponentBar(tr("Trust %v"), this))
    , m_explanation(new QLabel(this))
    , m_members(new TeamMemberModel(session, this))
    , m_whoAmI(new QComboBox(this))
    , m_memberList(new QListView(this))
    , m_newMember(new QLineEdit(this))
    , m_identityList(new QListWidget(this))
    , m_newIdentity(new QLineEdit(this))
    , m_identityError(new QLabel(this))
    , m_remind(new QCheckBox(tr("&Remind me of follow-ups"), this))
    , m_trayIcon(new QCheckBox(tr("Show a tray &icon"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Settings"));
    loadSample(sampleContactId);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createScoringPage(), tr("&Scoring"));
    m_tabs->addTab(createTeamPage(), tr("&Team"));
    m_tabs->addTab(createDesktopPage(), tr("&Desktop"));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);
    updatePreview();
}

SettingsDialog::~SettingsDialog() = default;

QDoubleSpinBox* SettingsDialog::addSetting(const QString& key, double maximum, double step, int decimals)
{
    auto* input = new QDoubleSpinBox(this);
    input->setObjectName(key);
    input->setRange(0, maximum);
    input->setSingleStep(step);
    input->setDecimals(decimals);
    input->setValue(m_saved.value(key).toDouble());
    // Only what the user changed is read back: a stored value finer than the box's decimals stays exact.
    connect(input, &QDoubleSpinBox::valueChanged, this, [this, key](double value) {
        m_edited.insert(key, QString::number(value, 'g', 12));
        updatePreview();
    });
    return input;
}

QWidget* SettingsDialog::createScoringPage()
{
    auto* page = new QWidget(this);
    auto* model = new QGroupBox(tr("Scoring model"), page);
    auto* form = new QFormLayout(model);
    for (const SettingLabel& setting : settingLabels) {
        const QString key = QString::fromLatin1(setting.key);
        const bool isDays = key.endsWith(QLatin1String("_days")) || key == QLatin1String("reference_touches");
        QDoubleSpinBox* input = isDays ? addSetting(key, 3650, 1, 1) : addSetting(key, 10, 0.05, 3);
        if (key == QLatin1String("cadence_alpha"))
            input->setMaximum(1);
        input->setToolTip(tr(setting.help));
        form->addRow(tr(setting.label), input);
    }

    auto* channels = new QGroupBox(tr("Channel weights (one touch day counts this much)"), page);
    auto* grid = new QFormLayout(channels);
    for (Channel channel : allChannels) {
        QString name = channelName(channel);
        name[0] = name[0].toUpper();
        grid->addRow(name, addSetting(channelWeightKey(channel), 10, 0.1, 2));
    }
    auto* rebuildNote =
        new QLabel(tr("Changing the half-life, α or a channel weight recomputes every relationship "
                      "from its log when you press OK."),
                   page);
    rebuildNote->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto* preview = new QGroupBox(tr("Preview"), page);
    QFont scoreFont = m_score->font();
    scoreFont.setPointSizeF(scoreFont.pointSizeF() * 2.6);
    scoreFont.setBold(true);
    m_score->setFont(scoreFont);
    m_score->setMinimumWidth(m_score->fontMetrics().horizontalAdvance(QStringLiteral("100")) + 8);
    m_sample->setWordWrap(true);
    m_change->setWordWrap(true);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* badge = new QVBoxLayout;
    badge->addWidget(m_band, 0, Qt::AlignLeft);
    badge->addWidget(m_change);
    auto* header = new QHBoxLayout;
    header->addWidget(m_score);
    header->addLayout(badge, 1);
    auto* previewLayout = new QVBoxLayout(preview);
    previewLayout->addWidget(m_sample);
    previewLayout->addLayout(header);
    for (QProgressBar* bar : {m_recency, m_frequency, m_reciprocity, m_trust})
        previewLayout->addWidget(bar);
    previewLayout->addWidget(m_explanation);
    previewLayout->addStretch();

    auto* left = new QVBoxLayout;
    left->addWidget(model);
    left->addWidget(channels);
    auto* right = new QVBoxLayout;
    right->addWidget(preview, 1);
    right->addWidget(rebuildNote);
    right->addWidget(m_error);
    auto* layout = new QHBoxLayout(page);
    layout->addLayout(left);
    layout->addLayout(right, 1);
    return page;
}

QWidget* SettingsDialog::createTeamPage()
{
    auto* page = new QWidget(this);
    m_whoAmI->setModel(m_members);
    m_whoAmI->setPlaceholderText(tr("Not set"));
    m_whoAmI->setObjectName(QStringLiteral("whoAmI"));
    m_memberList->setModel(m_members);
    m_memberList->setObjectName(QStringLiteral("members"));
    m_memberList->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_newMember->setPlaceholderText(tr("Name of a new team member"));
    m_newMember->setObjectName(QStringLiteral("newMember"));
    m_newMember->installEventFilter(this);
    auto* add = new QPushButton(tr("&Add"), page);
    auto* rename = new QPushButton(tr("Re&name"), page);
    auto* remove = new QPushButton(tr("&Remove…"), page);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addMember);
    connect(rename, &QPushButton::clicked, this,
            [this] { m_memberList->edit(m_memberList->currentIndex()); });
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeMember);
    connect(m_members, &TeamMemberModel::errorOccurred, this,
            [this](const QString& message) { QMessageBox::warning(this, tr("Team"), message); });
    connect(m_members, &TeamMemberModel::memberRenamed, this, [this] {
        m_teamChanged = true;
        showIdentities();
    });
    connect(m_memberList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SettingsDialog::showIdentities);
    QGroupBox* identities = createIdentityBox(page);
    reloadMembers(m_session.currentMemberId());

    auto* whoAmIHelp = new QLabel(tr("Conversations you log and notes you write are recorded under this "
                                     "name. It is remembered on this computer for this database."),
                                  page);
    whoAmIHelp->setWordWrap(true);
    auto* me = new QFormLayout;
    me->addRow(tr("&I am:"), m_whoAmI);

    auto* newRow = new QHBoxLayout;
    newRow->addWidget(m_newMember, 1);
    newRow->addWidget(add);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(rename);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_memberList, 1);
    listRow->addLayout(buttons);
    auto* team = new QGroupBox(tr("Team members (changes apply at once)"), page);
    auto* teamLayout = new QVBoxLayout(team);
    teamLayout->addLayout(newRow);
    teamLayout->addLayout(listRow, 1);

    auto* columns = new QHBoxLayout;
    columns->addWidget(team, 1);
    columns->addWidget(identities, 1);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(me);
    layout->addWidget(whoAmIHelp);
    layout->addLayout(columns, 1);
    return page;
}

QGroupBox* SettingsDialog::createIdentityBox(QWidget* page)
{
    if (const Result<QList<TeamIdentity>> stored = TeamIdentityRepository(m_session.database()).list()) {
        for (const TeamIdentity& identity : *stored)
            m_identities[identity.memberId] << identity;
    } else {
        m_identityError->setText(stored.error().message);
    }
    auto* box = new QGroupBox(tr("Emails and handles (saved with OK)"), page);
    m_identityBox = box;
    auto* help = new QLabel(tr("How the conversation import knows this member: in the archives they import "
                               "these are \"me\", and no member's become contacts. Type one as \"kind: "
                               "value\", like a contact's; each belongs to one member."),
                            box);
    help->setWordWrap(true);
    m_identityList->setObjectName(QStringLiteral("identities"));
    m_identityList->installEventFilter(this);
    m_newIdentity->setObjectName(QStringLiteral("newIdentity"));
    m_newIdentity->setPlaceholderText(tr("e.g. discord: grace"));
    m_newIdentity->installEventFilter(this);
    m_identityError->setObjectName(QStringLiteral("identityError"));
    m_identityError->setWordWrap(true);
    m_identityError->setStyleSheet(QStringLiteral("color: #b3261e;"));
    auto* add = new QPushButton(tr("Add &identity"), box);
    auto* remove = new QPushButton(tr("Remove identit&y"), box);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addIdentity);
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeIdentity);
    auto* newRow = new QHBoxLayout;
    newRow->addWidget(m_newIdentity, 1);
    newRow->addWidget(add);
    auto* removeRow = new QHBoxLayout;
    removeRow->addStretch();
    removeRow->addWidget(remove);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(help);
    layout->addLayout(newRow);
    layout->addWidget(m_identityList, 1);
    layout->addLayout(removeRow);
    layout->addWidget(m_identityError);
    return box;
}

qint64 SettingsDialog::selectedMemberId() const
{
    const QModelIndex current = m_memberList->currentIndex();
    return current.isValid() ? m_members->memberIdAt(current.row()) : 0;
}

void SettingsDialog::showIdentities()
{
    const qint64 member = selectedMemberId();
    m_identityBox->setEnabled(member > 0);
    m_identityBox->setTitle(member > 0 ? tr("Emails and handles of %1 (saved with OK)")
                                             .arg(m_memberList->currentIndex().data().toString())
                                       : tr("Emails and handles (select a member)"));
    m_identityList->clear();
    for (const TeamIdentity& identity : m_identities.value(member))
        m_identityList->addItem(QStringLiteral("%1: %2").arg(methodKindName(identity.kind), identity.value));
}

void SettingsDialog::addIdentity()
{
    const qint64 member = selectedMemberId();
    if (member <= 0 || m_newIdentity->text().trimmed().isEmpty())
        return;
    Result<TeamIdentity> parsed = parseTeamIdentity(m_newIdentity->text());
    if (!parsed) {
        m_identityError->setText(parsed.error().message);
        return;
    }
    for (auto it = m_identities.cbegin(); it != m_identities.cend(); ++it) {
        for (const TeamIdentity& identity : it.value()) {
            if (identity.key() == parsed->key()) {
                m_identityError->setText(
                    tr("%1 already belongs to %2.")
                        .arg(identity.text(),
                             m_members->index(m_members->rowOf(it.key())).data().toString()));
                return;
            }
        }
    }
    parsed->memberId = member;
    m_identities[member] << *parsed;
    m_identitiesEdited.insert(member);
    m_identityError->clear();
    m_newIdentity->clear();
    showIdentities();
    m_identityList->setCurrentRow(m_identityList->count() - 1);
}

void SettingsDialog::removeIdentity()
{
    const qint64 member = selectedMemberId();
    const int row = m_identityList->currentRow();
    if (member <= 0 || row < 0 || row >= m_identities.value(member).size())
        return;
    m_identities[member].removeAt(row);
    m_identitiesEdited.insert(member);
    m_identityError->clear();
    showIdentities();
    m_identityList->setCurrentRow(std::min(row, m_identityList->count() - 1));
}

bool SettingsDialog::saveIdentities()
{
    QMap<qint64, QList<TeamIdentity>> edited;
    for (const qint64 member : std::as_const(m_identitiesEdited))
        edited.insert(member, m_identities.value(member));
    if (Status saved = TeamIdentityRepository(m_session.database()).replace(edited); !saved) {
        m_identityError->setText(saved.error().message);
        m_tabs->setCurrentIndex(1);
        return false;
    }
    m_identitiesEdited.clear();
    return true;
}

QWidget* SettingsDialog::createDesktopPage()
{
    auto* page = new QWidget(this);
    const ReminderPreferences preferences = ReminderPreferences::load();
    m_remind->setObjectName(QStringLiteral("remindFollowUps"));
    m_remind->setChecked(preferences.remind);
    auto* remindHelp = new QLabel(tr("While Rapport runs, a desktop notification says when one of your "
                                     "follow-ups (or one nobody owns) falls due, once; its Open shows the "
                                     "contact. This computer remembers which it showed: a teammate sharing "
                                     "the database gets their own."),
                                  page);
    remindHelp->setWordWrap(true);
    m_trayIcon->setObjectName(QStringLiteral("showTrayIcon"));
    m_trayIcon->setChecked(preferences.trayIcon);
    const bool trayAvailable = QSystemTrayIcon::isSystemTrayAvailable();
    m_trayIcon->setEnabled(trayAvailable);
    auto* trayHelp = new QLabel(trayAvailable ? tr("The icon counts the follow-ups due today; its menu shows "
                                                   "Rapport or Today.")
                                              : tr("This desktop has no system tray."),
                                page);
    trayHelp->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_remind);
    layout->addWidget(remindHelp);
    layout->addSpacing(12);
    layout->addWidget(m_trayIcon);
    layout->addWidget(trayHelp);
    layout->addStretch();
    return page;
}

void SettingsDialog::loadSample(qint64 contactId)
{
    const qint64 now = Clock::nowSeconds();
    if (contactId > 0) {
        Result<QList<Interaction>> log =
            InteractionRepository(m_session.database()).listForContact(contactId);
        const Result<Contact> contact = ContactRepository(m_session.database()).get(contactId);
        const Result<ScoreContext> context = m_session.engine().context(contactId);
        if (log && !log->isEmpty() && contact && context) {
            m_sampleLog = std::move(*log);
            std::reverse(m_sampleLog.begin(), m_sampleLog.end());
            m_sampleContext = *context;
            m_sampleName = contact->effectiveDisplayName();
        }
    }
    if (m_sampleLog.isEmpty()) {
        m_sampleLog = workedExampleD(now);
        m_sampleName = tr("Worked example D");
    }
    const ScoringSettings& saved = m_session.engine().settings();
    m_savedScore = computeScore(LogReplay::ofLog(m_sampleLog, saved, now), now, m_sampleContext, saved);
}

Result<ScoringSettings> SettingsDialog::editedSettings() const
{
    return ScoringSettings::fromMap(m_edited);
}

QString SettingsDialog::previewExplanation() const
{
    return m_explanation->text();
}

void SettingsDialog::updatePreview()
{
    const Result<ScoringSettings> settings = editedSettings();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(settings.ok());
    m_sample->setText(tr("<b>%1</b> — its log replayed with these settings (%2 conversations)")
                          .arg(m_sampleName.toHtmlEscaped())
                          .arg(m_sampleLog.size()));
    if (!settings) {
        m_error->setText(settings.error().message);
        m_preview = RelationshipScore{};
        m_score->setText(QStringLiteral("—"));
        m_band->clear();
        m_band->setStyleSheet(QString());
        m_change->clear();
        m_explanation->clear();
        return;
    }
    m_error->clear();
    const qint64 now = Clock::nowSeconds();
    const qint64 monthAgo = now - 30 * day;
    m_preview = computeScore(LogReplay::ofLog(m_sampleLog, *settings, now), now, m_sampleContext, *settings);
    const RelationshipScore before = computeScore(LogReplay::ofLog(m_sampleLog, *settings, monthAgo),
                                                  monthAgo, m_sampleContext, *settings);
    std::optional<double> delta30;
    if (m_preview.hasHistory && before.hasHistory)
        delta30 = m_preview.score - before.score;

    m_score->setText(m_preview.hasHistory ? QString::number(std::lround(m_preview.score))
                                          : QStringLiteral("—"));
    m_band->setText(bandName(m_preview.band));
    m_band->setStyleSheet(
        QStringLiteral("background: %1; color: white; border-radius: 9px; padding: 2px 10px;")
            .arg(bandColor(m_preview.band).name()));
    if (m_savedScore.hasHistory && m_preview.hasHistory)
        m_change->setText(tr("%1 against the saved settings (%2)")
                              .arg(formatScoreDelta(m_preview.score - m_savedScore.score))
                              .arg(std::lround(m_savedScore.score)));
    m_recency->setValue(static_cast<int>(std::lround(m_preview.recency)));
    m_frequency->setValue(static_cast<int>(std::lround(m_preview.frequency)));
    m_reciprocity->setValue(static_cast<int>(std::lround(m_preview.reciprocity)));
    m_trust->setVisible(m_preview.trust.has_value());
    m_trust->setValue(static_cast<int>(std::lround(m_preview.trust.value_or(0))));
    m_explanation->setText(explainScore(m_preview, delta30));
}

bool SettingsDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
        if (watched == m_newMember && enter) {
            addMember();
            return true;
        }
        if (watched == m_newIdentity && enter) {
            addIdentity();
            return true;
        }
        if (watched == m_identityList && key == Qt::Key_Delete) {
            removeIdentity();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SettingsDialog::addMember()
{
    const QString name = m_newMember->text().trimmed();
    if (name.isEmpty())
        return;
    const Result<qint64> created = TeamMemberRepository(m_session.database()).create(TeamMember{0, name, {}});
    if (!created) {
        QMessageBox::warning(this, tr("Team"), created.error().message);
        return;
    }
    m_teamChanged = true;
    m_newMember->clear();
    const qint64 me = m_members->memberIdAt(m_whoAmI->currentIndex());
    reloadMembers(me);
    m_memberList->setCurrentIndex(m_members->index(m_members->rowOf(*created)));
}

void SettingsDialog::removeMember()
{
    const QModelIndex current = m_memberList->currentIndex();
    if (!current.isValid())
        return;
    const qint64 memberId = m_members->memberIdAt(current.row());
    if (QMessageBox::question(this, tr("Remove team member"),
                              tr("Remove %1 from the team? The contacts they own will have no owner; "
                                 "their conversations and notes stay.")
                                  .arg(current.data().toString())) != QMessageBox::Yes)
        return;
    if (Status removed = TeamMemberRepository(m_session.database()).remove(memberId); !removed) {
        QMessageBox::warning(this, tr("Team"), removed.error().message);
        return;
    }
    m_teamChanged = true;
    // Their identities went with them.
    m_identities.remove(memberId);
    m_identitiesEdited.remove(memberId);
    const qint64 me = m_members->memberIdAt(m_whoAmI->currentIndex());
    reloadMembers(me == memberId ? 0 : me);
}

void SettingsDialog::reloadMembers(qint64 selectMemberId)
{
    if (Status loaded = m_members->reload(); !loaded)
        QMessageBox::warning(this, tr("Team"), loaded.error().message);
    m_whoAmI->setCurrentIndex(m_members->rowOf(selectMemberId));
    m_memberList->setCurrentIndex(m_members->index(m_members->rowOf(selectMemberId)));
    showIdentities();
}

void SettingsDialog::saveScoring(const QMap<QString, QString>& changes)
{
    // Only the keys edited here: another user's or program's change of any other key since the dialog
    // opened stays as it is stored.
    DatabaseJob* job = m_session.startJob(
        tr("Recomputing every relationship with the new settings…"),
        [changes](Database& db, const ProgressCallback& progress) -> Status {
            Result<ScoringEngine> engine = ScoringEngine::open(db);
            if (!engine)
                return engine.error();
            return engine->changeSettings(changes, progress);
        },
        DatabaseJob::Cancel::Allowed, this);
    if (!job) {
        QMessageBox::warning(this, tr("Settings"),
                             tr("Another edit is still running; save the settings when it is done."));
        return;
    }
    setEnabled(false);
    connect(job, &DatabaseJob::finished, this, [this](const Status& saved) {
        setEnabled(true);
        if (!saved) {
            if (saved.error().kind != ErrorKind::Cancelled)
                QMessageBox::warning(this, tr("Settings"), saved.error().message);
            return;
        }
        finishAccepting(true);
    });
}

void SettingsDialog::accept()
{
    const Result<ScoringSettings> settings = editedSettings();
    if (!settings) {
        m_error->setText(settings.error().message);
        return;
    }
    QMap<QString, QString> changes;
    const QMap<QString, QString> edited = settings->toMap();
    for (auto it = edited.constBegin(); it != edited.constEnd(); ++it) {
        if (m_saved.value(it.key()) != it.value())
            changes.insert(it.key(), it.value());
    }
    if (!saveIdentities())
        return;
    if (!changes.isEmpty())
        saveScoring(changes);
    else
        finishAccepting(false);
}

void SettingsDialog::finishAccepting(bool scoringChanged)
{
    m_session.setCurrentMemberId(m_members->memberIdAt(m_whoAmI->currentIndex()));
    ReminderPreferences{m_remind->isChecked(), m_trayIcon->isChecked()}.save();
    if (scoringChanged || m_teamChanged)
        m_session.everythingTouched();
    QDialog::accept();
}

} // namespace rapport::ui
