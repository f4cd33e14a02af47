// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog: a live preview that follows every edit, core's validation, saving that rebuilds
// the scores off the UI thread, "who am I" recorded as the author of what the user logs, and each team
// member's identities, saved with OK all or nothing.
#include "ui/settings/SettingsDialog.h"

#include "core/scoring/LogReplay.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TeamIdentityRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/LogConversationDialog.h"
#include "ui/trustnotes/TrustNoteDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;
using Catch::Detail::Approx;

namespace {

QDoubleSpinBox* setting(ui::SettingsDialog& dialog, const char* key)
{
    auto* input = dialog.findChild<QDoubleSpinBox*>(QString::fromLatin1(key));
    REQUIRE(input != nullptr);
    return input;
}

QPushButton* okButton(ui::SettingsDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

// A contact of the demo data with at least a few conversations.
qint64 contactWithHistory(Database& db)
{
    for (qint64 id = 1;; ++id) {
        if (require(InteractionRepository(db).listForContact(id, 5)).size() == 5)
            return id;
    }
}

} // namespace

TEST_CASE("Settings preview worked example D and follow every edit", "[ui][settings]")
{
    UiFixture fixture(40, 400);
    ui::SettingsDialog dialog(fixture.session(), 0);
    dialog.resize(1000, 640);
    dialog.show();
    CHECK(dialog.sampleName() == QStringLiteral("Worked example D"));
    const RelationshipScore defaults = dialog.previewScore();
    CHECK(defaults.recency == Approx(49.40).margin(0.01));
    CHECK(defaults.frequency == Approx(60.79).margin(0.01));
    CHECK(defaults.reciprocity == Approx(51.72).margin(0.01));
    CHECK(defaults.score == Approx(53.97).margin(0.01));
    CHECK(defaults.band == Band::Cooling);
    const QString explanation = dialog.previewExplanation();
    CHECK(explanation.contains(QStringLiteral("Score 54")));

    // A longer memory keeps more of the old conversations: frequency rises, recency does not move.
    QDoubleSpinBox* halfLife = setting(dialog, "half_life_days");
    halfLife->selectAll();
    QTest::keyClicks(halfLife, QStringLiteral("180"));
    CHECK(dialog.editedSettings()->halfLifeDays == 180);
    CHECK(dialog.previewScore().frequency > defaults.frequency + 5);
    CHECK(dialog.previewScore().recency == Approx(defaults.recency));
    CHECK(dialog.previewExplanation() != explanation);
    UiFixture::saveScreenshot(dialog, QStringLiteral("settings"));

    // Weighting recency alone makes the score the recency.
    setting(dialog, "weight_frequency")->setValue(0);
    setting(dialog, "weight_reciprocity")->setValue(0);
    CHECK(dialog.previewScore().score == Approx(defaults.recency));

    // Core refuses a half-life of 0: the reason is shown, OK is off, the preview is blank.
    halfLife->setValue(0);
    CHECK_FALSE(dialog.editedSettings().ok());
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("settingsError"))
              ->text()
              .contains(QStringLiteral("half_life_days")));
    CHECK_FALSE(okButton(dialog)->isEnabled());
    CHECK_FALSE(dialog.previewScore().hasHistory);
    halfLife->setValue(90);
    CHECK(okButton(dialog)->isEnabled());
}

TEST_CASE("Settings preview the selected contact with the score the app shows", "[ui][settings]")
{
    UiFixture fixture(40, 400);
    ui::DatabaseSession& session = fixture.session();
    const qint64 contactId = contactWithHistory(session.database());
    ui::SettingsDialog dialog(session, contactId, nullptr);
    CHECK(dialog.sampleName() ==
          require(ContactRepository(session.database()).get(contactId)).effectiveDisplayName());
    const ContactScore shown = require(session.engine().score(contactId, testNow));
    CHECK(dialog.previewScore().score == Approx(shown.score.score).margin(1e-9));
    CHECK(dialog.previewScore().band == shown.score.band);
    CHECK(dialog.previewExplanation() == shown.explanation());
}

TEST_CASE("Saving settings stores them and rebuilds every relationship", "[ui][settings]")
{
    UiFixture fixture(60, 900);
    ui::DatabaseSession& session = fixture.session();
    const qint64 contactId = contactWithHistory(session.database());
    const double before = require(session.engine().score(contactId, testNow)).score.score;
    bool reset = false;
    QObject::connect(&session, &ui::DatabaseSession::contactsReset, [&reset] { reset = true; });

    ui::SettingsDialog dialog(session, contactId);
    setting(dialog, "half_life_days")->setValue(30);
    setting(dialog, "channel_weight_call")->setValue(2);
    const double previewed = dialog.previewScore().score;
    dialog.accept();
    // The scores are rebuilt as a job; the dialog closes once it is done.
    session.waitForJob();
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(reset);

    // Stored for everyone who opens the file, and the states follow the new half-life.
    const std::unique_ptr<Database> other = fixture.openDatabase();
    const ScoringSettings stored = require(ScoringEngine::open(*other)).settings();
    CHECK(stored.halfLifeDays == 30);
    CHECK(stored.channelWeight(Channel::Call) == 2);
    CHECK(session.engine().settings().halfLifeDays == 30);
    const RelationshipState replayed = require(LogReplay(*other, stored).contactState(contactId));
    CHECK(approximatelyEqual(*require(session.engine().storedState(contactId)), replayed));
    const double after = require(session.engine().score(contactId, testNow)).score.score;
    CHECK(after == Approx(previewed).margin(1e-9));
    CHECK(after != Approx(before));
    const ScoreBoard::Entry* onBoard = session.board().find(contactId);
    REQUIRE(onBoard != nullptr);
    CHECK(approximatelyEqual(onBoard->state, replayed));
}

TEST_CASE("Saving settings keeps what another connection changed since the dialog opened", "[ui][settings]")
{
    UiFixture fixture(60, 900);
    ui::DatabaseSession& session = fixture.session();
    const qint64 contactId = contactWithHistory(session.database());
    ui::SettingsDialog dialog(session, contactId);

    const std::unique_ptr<Database> other = fixture.openDatabase();
    requireOk(require(ScoringEngine::open(*other))
                  .changeSettings(
                      QMap<QString, QString>{{QStringLiteral("weight_trust"), QStringLiteral("0.2")},
                                             {QStringLiteral("cadence_alpha"), QStringLiteral("0.5")}}));
    setting(dialog, "half_life_days")->setValue(30);
    dialog.accept();
    // The scores are rebuilt as a job; the dialog closes once it is done.
    session.waitForJob();
    REQUIRE(dialog.result() == QDialog::Accepted);

    const ScoringSettings stored = require(ScoringEngine::open(*other)).settings();
    CHECK(stored.halfLifeDays == 30);
    CHECK(stored.trustWeight == Approx(0.2));
    CHECK(stored.cadenceAlpha == Approx(0.5));
    const RelationshipState replayed = require(LogReplay(*other, stored).contactState(contactId));
    CHECK(approximatelyEqual(*require(session.engine().storedState(contactId)), replayed));
}

TEST_CASE("Who am I is remembered per database and logged as the author", "[ui][settings]")
{
    UiFixture fixture(40, 400);
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    ui::DatabaseSession& session = *window.session();
    const qint64 contactId = contactWithHistory(session.database());

    // Add a member on the Team page from the keyboard and pick them as "I am".
    auto visit = whenDialogOpens<ui::SettingsDialog>([](ui::SettingsDialog& dialog) {
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("newMember"));
        QTest::keyClicks(name, QStringLiteral("Robin Community"));
        QTest::keyClick(name, Qt::Key_Return);
        REQUIRE(dialog.isVisible());
        auto* whoAmI = dialog.findChild<QComboBox*>(QStringLiteral("whoAmI"));
        whoAmI->setCurrentIndex(whoAmI->findText(QStringLiteral("Robin Community")));
        auto* identity = dialog.findChild<QLineEdit*>(QStringLiteral("newIdentity"));
        for (const char* typed : {"email: robin@community.example", "discord: robin", "slack: U024ROBIN"}) {
            QTest::keyClicks(identity, QString::fromLatin1(typed));
            QTest::keyClick(identity, Qt::Key_Return);
        }
        dialog.findChild<QTabWidget*>()->setCurrentIndex(1);
        dialog.resize(1000, 640);
        UiFixture::saveScreenshot(dialog, QStringLiteral("settings-team"));
        dialog.accept();
    });
    REQUIRE(window.openSettings());
    REQUIRE(visit->completed());
    const std::optional<TeamMember> robin =
        require(TeamMemberRepository(session.database()).findByName(QStringLiteral("Robin Community")));
    REQUIRE(robin.has_value());
    CHECK(session.currentMemberId() == robin->id);
    CHECK(require(TeamIdentityRepository(session.database()).listForMember(robin->id)).size() == 3);

    visit = whenDialogOpens<ui::LogConversationDialog>([](ui::LogConversationDialog& dialog) {
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("summary")),
                         QStringLiteral("Coffee chat"));
        dialog.accept();
    });
    REQUIRE(window.logConversation(contactId));
    REQUIRE(visit->completed());
    const Interaction logged =
        require(InteractionRepository(session.database()).listForContact(contactId, 1)).front();
    CHECK(logged.summary == QStringLiteral("Coffee chat"));
    CHECK(logged.loggedBy == std::optional<qint64>(robin->id));

    // And as the author of a trust note.
    visit = whenDialogOpens<ui::TrustNoteDialog>([](ui::TrustNoteDialog& dialog) {
        QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(), QStringLiteral("Shared the roadmap early"));
        dialog.accept();
    });
    REQUIRE(window.addTrustNote(contactId));
    REQUIRE(visit->completed());
    const TrustNote written =
        require(TrustNoteRepository(session.database()).listForContact(contactId)).front();
    CHECK(written.text == QStringLiteral("Shared the roadmap early"));
    CHECK(written.authorId == std::optional<qint64>(robin->id));

    // Another session on the same file knows who this user is; clearing it forgets.
    {
        const auto reopened = require(
            ui::DatabaseSession::open(fixture.openDatabase(), ui::DatabaseSession::ScoreLoading::Now));
        CHECK(reopened->currentMemberId() == robin->id);
        reopened->setCurrentMemberId(0);
    }
    const auto cleared =
        require(ui::DatabaseSession::open(fixture.openDatabase(), ui::DatabaseSession::ScoreLoading::Now));
    CHECK(cleared->currentMemberId() == 0);
}

namespace {

void selectMember(ui::SettingsDialog& dialog, const QString& name)
{
    auto* members = dialog.findChild<QListView*>(QStringLiteral("members"));
    REQUIRE(members != nullptr);
    const QModelIndexList found =
        members->model()->match(members->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchExactly);
    REQUIRE(found.size() == 1);
    members->setCurrentIndex(found.constFirst());
}

QStringList shownIdentities(ui::SettingsDialog& dialog)
{
    QStringList shown;
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("identities"));
    for (int row = 0; row < list->count(); ++row)
        shown << list->item(row)->text();
    return shown;
}

void typeIdentity(ui::SettingsDialog& dialog, const char* text)
{
    // A refused identity stays in the field to be corrected; this one replaces it.
    auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("newIdentity"));
    field->clear();
    QTest::keyClicks(field, QString::fromUtf8(text));
    QTest::keyClick(field, Qt::Key_Return);
}

QString identityError(ui::SettingsDialog& dialog)
{
    return dialog.findChild<QLabel*>(QStringLiteral("identityError"))->text();
}

// The identities of the members a test adds; the demo's own members keep their @team.example addresses.
QStringList storedIdentities(Database& db)
{
    QStringList stored;
    for (const TeamIdentity& identity : require(TeamIdentityRepository(db).list()))
        if (!identity.value.endsWith(QLatin1String("@team.example")))
            stored << require(TeamMemberRepository(db).get(identity.memberId)).name + QStringLiteral(" ") +
                          identity.text();
    return stored;
}

} // namespace

TEST_CASE("Settings > Team edits each member's identities, a duplicate is refused by name, OK saves them",
          "[ui][settings][team]")
{
    UiFixture fixture(10, 20);
    Database& db = fixture.session().database();
    require(TeamMemberRepository(db).create(
        TeamMember{0, QStringLiteral("Grace"), QStringLiteral("grace@example.org")}));
    require(TeamMemberRepository(db).create(TeamMember{0, QStringLiteral("Hedy"), {}}));
    ui::SettingsDialog dialog(fixture.session(), 0);

    selectMember(dialog, QStringLiteral("Grace"));
    CHECK(shownIdentities(dialog) == QStringList{QStringLiteral("email: grace@example.org")});
    typeIdentity(dialog, "discord: grace");
    CHECK(shownIdentities(dialog) ==
          QStringList({QStringLiteral("email: grace@example.org"), QStringLiteral("discord: grace")}));
    typeIdentity(dialog, "pager: 12");
    CHECK(identityError(dialog).contains(QStringLiteral("expected KIND:VALUE")));

    selectMember(dialog, QStringLiteral("Hedy"));
    CHECK(shownIdentities(dialog).isEmpty());
    typeIdentity(dialog, "email: GRACE@example.org");
    CHECK(identityError(dialog) == QStringLiteral("email:grace@example.org already belongs to Grace."));
    CHECK(shownIdentities(dialog).isEmpty());
    typeIdentity(dialog, "slack: U024HEDY");
    CHECK(identityError(dialog).isEmpty());
    CHECK(shownIdentities(dialog) == QStringList{QStringLiteral("slack: U024HEDY")});
    // Nothing is stored before OK.
    CHECK(storedIdentities(db) == QStringList{QStringLiteral("Grace email:grace@example.org")});

    // Grace's address moves to Hedy: removed from Grace (Delete), added to Hedy, in one save.
    selectMember(dialog, QStringLiteral("Grace"));
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("identities"));
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Delete);
    CHECK(shownIdentities(dialog) == QStringList{QStringLiteral("discord: grace")});
    selectMember(dialog, QStringLiteral("Hedy"));
    typeIdentity(dialog, "email: grace@example.org");
    CHECK(identityError(dialog).isEmpty());

    dialog.accept();
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(storedIdentities(db) ==
          QStringList({QStringLiteral("Grace discord:grace"), QStringLiteral("Hedy email:grace@example.org"),
                       QStringLiteral("Hedy slack:U024HEDY")}));
}

TEST_CASE("Settings > Team keeps the dialog open and stores none of the edit when another program took "
          "an identity",
          "[ui][settings][team]")
{
    UiFixture fixture(10, 20);
    Database& db = fixture.session().database();
    require(TeamMemberRepository(db).create(TeamMember{0, QStringLiteral("Grace"), {}}));
    const qint64 hedy = require(TeamMemberRepository(db).create(TeamMember{0, QStringLiteral("Hedy"), {}}));
    ui::SettingsDialog dialog(fixture.session(), 0);
    selectMember(dialog, QStringLiteral("Grace"));
    typeIdentity(dialog, "email: grace@example.org");
    typeIdentity(dialog, "discord: shared");

    const std::unique_ptr<Database> other = fixture.openDatabase();
    require(TeamIdentityRepository(*other).add(
        TeamIdentity{0, hedy, MethodKind::Discord, QStringLiteral("Shared")}));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(identityError(dialog) ==
          QStringLiteral("identity discord:shared already belongs to team member Hedy"));
    CHECK(storedIdentities(db) == QStringList{QStringLiteral("Hedy discord:Shared")});

    // Taking it out of the edit lets the rest be saved.
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("identities"));
    list->setCurrentRow(1);
    QTest::keyClick(list, Qt::Key_Delete);
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(storedIdentities(db) == QStringList({QStringLiteral("Grace email:grace@example.org"),
                                               QStringLiteral("Hedy discord:Shared")}));
}
