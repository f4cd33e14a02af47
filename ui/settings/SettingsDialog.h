// SPDX-License-Identifier: GPL-3.0-or-later
// Edit > Settings: the scoring model's parameters with a live preview of a sample contact's score, who
// the user is in the team, the team members and each one's emails and handles, and the desktop's reminders
// and tray icon.
#pragma once

#include "core/model/Interaction.h"
#include "core/model/TeamIdentity.h"
#include "core/scoring/ScoreCalculator.h"
#include "core/scoring/ScoringSettings.h"

#include <QDialog>
#include <QMap>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QProgressBar;
class QTabWidget;

namespace rapport::ui {

class DatabaseSession;
class TeamMemberModel;

class SettingsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // The preview shows `sampleContactId` when it has conversations, else worked example D of scoring.md.
    SettingsDialog(DatabaseSession& session, qint64 sampleContactId, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // The settings as edited, or the refusal naming the first bad parameter.
    Result<ScoringSettings> editedSettings() const;
    QString sampleName() const { return m_sampleName; }
    // The sample's score under the edited settings; no history while they are invalid.
    RelationshipScore previewScore() const { return m_preview; }
    QString previewExplanation() const;

    // Saves the members' identities (all or nothing), the scoring settings (rebuilding every state off the
    // UI thread when they need it), who the user is and the reminder preferences; stays open, saying why,
    // when an identity is refused or the rebuild fails or is cancelled.
    void accept() override;

protected:
    // Enter in the new member's name adds the member, in the identity field adds the identity, instead of
    // closing the dialog; Delete in the identity list removes the selected one.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createScoringPage();
    QWidget* createTeamPage();
    QWidget* createDesktopPage();
    QDoubleSpinBox* addSetting(const QString& key, double maximum, double step, int decimals);
    void loadSample(qint64 contactId);
    void updatePreview();
    // Rebuilds every score with the edited keys as a job of the session; the dialog closes when it is
    // done, and stays open on a failure or Cancel.
    void saveScoring(const QMap<QString, QString>& changes);
    // What OK saves besides the scoring settings, then closes the dialog.
    void finishAccepting(bool scoringChanged);
    void addMember();
    void removeMember();
    void reloadMembers(qint64 selectMemberId);
    QGroupBox* createIdentityBox(QWidget* page);
    qint64 selectedMemberId() const;
    void showIdentities();
    void addIdentity();
    void removeIdentity();
    bool saveIdentities();

    DatabaseSession& m_session;
    QMap<QString, QString> m_saved;
    QMap<QString, QString> m_edited;
    QList<Interaction> m_sampleLog; // oldest first
    ScoreContext m_sampleContext;
    QString m_sampleName;
    RelationshipScore m_savedScore;
    RelationshipScore m_preview;
    bool m_teamChanged = false;

    QTabWidget* m_tabs = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_sample = nullptr;
    QLabel* m_score = nullptr;
    QLabel* m_band = nullptr;
    QLabel* m_change = nullptr;
    QProgressBar* m_recency = nullptr;
    QProgressBar* m_frequency = nullptr;
    QProgressBar* m_reciprocity = nullptr;
    QProgressBar* m_trust = nullptr;
    QLabel* m_explanation = nullptr;
    TeamMemberModel* m_members = nullptr;
    QComboBox* m_whoAmI = nullptr;
    QListView* m_memberList = nullptr;
    QLineEdit* m_newMember = nullptr;
    // Every member's identities as edited, saved on OK; the members whose list was edited.
    QMap<qint64, QList<TeamIdentity>> m_identities;
    QSet<qint64> m_identitiesEdited;
    QListWidget* m_identityList = nullptr;
    QLineEdit* m_newIdentity = nullptr;
    QLabel* m_identityError = nullptr;
    QGroupBox* m_identityBox = nullptr;
    QCheckBox* m_remind = nullptr;
    QCheckBox* m_trayIcon = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace rapport::ui
