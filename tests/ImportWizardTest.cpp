// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import driven like a person would: pick a file, see its format, mapping and first rows, check
// every row in a dry run, import, and find the lists and the scores reloaded; a bad file names its line
// and column and changes nothing; a re-import creates nothing; Cancel stops a check or an import.
#include "ui/importing/ImportWizard.h"

#include "core/storage/ContactRepository.h"
#include "tests/support/CsvSupport.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/importing/ImportCheckPage.h"
#include "ui/importing/ImportFilePage.h"
#include "ui/importing/ImportMappingModel.h"
#include "ui/importing/ImportMappingPage.h"
#include "ui/importing/ImportPreviewModel.h"
#include "ui/importing/ImportResultPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStringListModel>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::ImportWizard;

namespace {

const QString linkedInSample = QStringLiteral(RAPPORT_SAMPLES_DIR "/linkedin-connections.csv");

// Everything an import could change, to show that a refused or cancelled import changed nothing.
QString fingerprint(Database& db)
{
    return require(
               db.scalar(QStringLiteral(
                   "SELECT (SELECT count(*) || '/' || coalesce(max(id), 0) FROM contacts) || ' '"
                   " || (SELECT count(*) FROM contact_methods) || ' ' || (SELECT count(*) FROM "
                   "contact_tags) || ' ' || (SELECT count(*) FROM interactions) || ' '"
                   " || (SELECT count(*) FROM trust_notes) || ' ' || (SELECT count(*) FROM team_members)")))
        .toString();
}

void forgetSavedMappings()
{
    QSettings().remove(QStringLiteral("importMappings"));
}

// The wizard shown and its file page filled in.
void chooseFile(ImportWizard& wizard, const QString& path, int target = 0)
{
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    ui::ImportFilePage& page = *wizard.filePage();
    QTest::keyClicks(page.pathField(), path);
    page.targetBox()->setCurrentIndex(target);
}

void click(ImportWizard& wizard, QWizard::WizardButton which)
{
    QAbstractButton* button = wizard.button(which);
    REQUIRE(button->isVisible());
    REQUIRE(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

// Next from the mapping page, then waits for the dry run.
void check(ImportWizard& wizard)
{
    click(wizard, QWizard::NextButton);
    REQUIRE(wizard.currentId() == ImportWizard::CheckPageId);
    wizard.task().wait();
    CHECK_FALSE(wizard.checkPage()->isRunning());
}

// Import on the check page, then waits for the write.
void import(ImportWizard& wizard)
{
    click(wizard, QWizard::CommitButton);
    REQUIRE(wizard.currentId() == ImportWizard::ResultPageId);
    wizard.task().wait();
    CHECK_FALSE(wizard.resultPage()->isRunning());
}

QStringList problems(ImportWizard& wizard)
{
    return wizard.checkPage()->problemsModel()->stringList();
}

QComboBox* fieldCombo(ui::ImportMappingPage& page, int column)
{
    auto* combo = qobject_cast<QComboBox*>(page.mappingView()->indexWidget(
        page.mappingModel()->index(column, ui::ImportMappingModel::FieldColumn)));
    REQUIRE(combo != nullptr);
    return combo;
}

} // namespace

TEST_CASE("The wizard imports LinkedIn connections, and a re-import creates no one", "[ui][import]")
{
    forgetSavedMappings();
    UiFixture fixture;
    ui::DatabaseSession& session = fixture.session();
    ui::ContactTableModel contacts(session);
    const int before = contacts.rowCount();
    session.undoStack()->setIndex(0);
    {
        ImportWizard wizard(session);
        wizard.resize(960, 680);
        chooseFile(wizard, linkedInSample);
        click(wizard, QWizard::NextButton);
        REQUIRE(wizard.currentId() == ImportWizard::MappingPageId);

        // Detection: LinkedIn's header comes after its "Notes:" lines; every column is mapped.
        ui::ImportMappingPage& mapping = *wizard.mappingPage();
        CHECK(mapping.formatLabel()->text().contains(QStringLiteral("LinkedIn Connections")));
        CHECK(mapping.formatLabel()->text().contains(QStringLiteral("line 4")));
        ui::ImportMappingModel& model = *mapping.mappingModel();
        ModelChecks mappingChecks(&model);
        REQUIRE(model.rowCount() == 7);
        CHECK(model.index(0, 0).data().toString() == QStringLiteral("First Name"));
        CHECK(model.index(0, 1).data().toString() == QStringLiteral("Ada"));
        CHECK(model.index(3, 1).data().toString() == QStringLiteral("ada@analytical.example"));
        CHECK(model.index(0, 2).data().toString() == QStringLiteral("Given name"));
        CHECK(model.index(2, 2).data().toString() == QStringLiteral("LinkedIn handle"));
        CHECK(model.index(3, 2).data().toString() == QStringLiteral("Email"));
        CHECK(fieldCombo(mapping, 3)->currentText() == QStringLiteral("Email"));
        // The preview: the first rows under their columns and the fields they fill.
        ui::ImportPreviewModel& preview = *mapping.previewModel();
        ModelChecks previewChecks(&preview);
        CHECK(preview.rowCount() == 4);
        CHECK(preview.index(2, 0).data().toString() == QStringLiteral("Zoë"));
        CHECK(preview.index(2, 5).data().toString() == QStringLiteral("Head of \"Growth\" 🚀"));
        CHECK(preview.headerData(3, Qt::Horizontal).toString() == QStringLiteral("Email Address\n→ Email"));
        CHECK(mapping.isComplete());
        UiFixture::saveScreenshot(wizard, QStringLiteral("import-mapping"));

        check(wizard);
        CHECK(wizard.checkPage()->statusLabel()->text().contains(
            QStringLiteral("4 created, 0 unchanged, 0 updated, 0 skipped")));
        CHECK(wizard.button(QWizard::CommitButton)->isEnabled());
        CHECK(contacts.rowCount() == before); // a dry run writes nothing
        UiFixture::saveScreenshot(wizard, QStringLiteral("import-check"));

        import(wizard);
        CHECK(wizard.resultPage()->written());
        CHECK(wizard.outcome()->value().summary() ==
              QStringLiteral("4 created, 0 unchanged, 0 updated, 0 skipped"));
        CHECK(wizard.resultPage()->statusLabel()->text().contains(
            QStringLiteral("<tr><td>Created</td><td align=\"right\"><b>4</b></td></tr>")));
        CHECK(wizard.button(QWizard::FinishButton)->isEnabled());
        UiFixture::saveScreenshot(wizard, QStringLiteral("import-result"));
        click(wizard, QWizard::FinishButton);
        CHECK(wizard.result() == QDialog::Accepted);
    }
    // The views reloaded from the GUI's own connection, which sees the import's commit.
    CHECK(contacts.rowCount() == before + 4);
    const qint64 ada =
        require(ContactRepository(session.database()).resolve(QStringLiteral("ada@analytical.example")));
    CHECK(require(ContactRepository(session.database()).get(ada)).organization ==
          QStringLiteral("Analytical Engines Ltd"));
    CHECK(session.board().entries().size() == static_cast<size_t>(before + 4));
    CHECK(session.undoStack()->count() == 0);

    // The same file again: nothing to create.
    ImportWizard again(session);
    chooseFile(again, linkedInSample);
    click(again, QWizard::NextButton);
    check(again);
    CHECK(again.checkPage()->statusLabel()->text().contains(
        QStringLiteral("0 created, 4 unchanged, 0 updated, 0 skipped")));
    import(again);
    CHECK(contacts.rowCount() == before + 4);
}

TEST_CASE("The wizard imports a vCard file: its cards previewed, checked and written", "[ui][import][vcard]")
{
    forgetSavedMappings();
    UiFixture fixture;
    ui::DatabaseSession& session = fixture.session();
    ui::ContactTableModel contacts(session);
    const int before = contacts.rowCount();
    QTemporaryDir dir;
    const QString path = writeFile(
        dir.path(), QStringLiteral("iPhone contacts.vcf"),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.2//EN\r\nN:Lovelace;Ada;;;\r\n"
        "FN:Ada Lovelace\r\nORG:Analytical Engines Ltd;\r\nTITLE:Mathematician\r\n"
        "item1.EMAIL;type=INTERNET;type=pref:ada@analytical.example\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
        "TEL;type=CELL;type=VOICE;type=pref:+44 7700 900123\r\n"
        "X-SOCIALPROFILE;type=twitter:https://twitter.com/ada_l\r\nCATEGORIES:press,poets\r\n"
        "NOTE:Met at the Royal Society.\r\nBDAY:1815-12-10\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0b6c3f3e-0f2a-4c1e-9a6e-2d5f1c0a7b90\r\n"
        "FN:Ren\xC3\xA9 Descartes\r\nN:Descartes;Ren\xC3\xA9;;;\r\nEMAIL;TYPE=work:rene@cogito.example\r\n"
        "SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://philo.social/@rene\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:=C5str=F6m;Bj=F6rn\r\n"
        "TEL;CELL:+46701234567\r\nEND:VCARD\r\n");
    ImportWizard wizard(session);
    wizard.resize(960, 680);
    chooseFile(wizard, path);
    click(wizard, QWizard::NextButton);
    REQUIRE(wizard.currentId() == ImportWizard::MappingPageId);

    // Nothing to map: the cards under Rapport's fields, the mapping table hidden.
    ui::ImportMappingPage& mapping = *wizard.mappingPage();
    CHECK(wizard.preview().cards);
    CHECK(mapping.formatLabel()->text().contains(QStringLiteral("vCard 3.0, 4.0, 2.1")));
    CHECK_FALSE(mapping.mappingView()->isVisible());
    ui::ImportPreviewModel& preview = *mapping.previewModel();
    REQUIRE(preview.rowCount() == 3);
    ModelChecks previewChecks(&preview);
    CHECK(preview.headerData(1, Qt::Horizontal).toString() == QStringLiteral("Display name"));
    CHECK(preview.index(0, 1).data().toString() == QStringLiteral("Ada Lovelace"));
    CHECK(preview.index(0, 8).data().toString() == QStringLiteral("x:ada_l"));
    CHECK(preview.index(1, 8).data().toString() == QStringLiteral("mastodon:@rene@philo.social"));
    CHECK(preview.index(2, 1).data().toString() == QStringLiteral("Björn Åström"));
    CHECK_FALSE(preview.index(0, 1).data(Qt::ForegroundRole).isValid());
    CHECK(mapping.isComplete());
    UiFixture::saveScreenshot(wizard, QStringLiteral("import-vcard"));

    check(wizard);
    INFO(wizard.checkPage()->statusLabel()->text().toStdString());
    CHECK(wizard.checkPage()->statusLabel()->text().contains(
        QStringLiteral("3 created, 0 unchanged, 0 updated, 0 skipped</b> (3 cards, vCard)")));
    CHECK(problems(wizard) == QStringList{QStringLiteral("vCard properties not imported: BDAY")});
    import(wizard);
    CHECK(wizard.resultPage()->written());
    click(wizard, QWizard::FinishButton);
    CHECK(contacts.rowCount() == before + 3);
    const qint64 rene =
        require(ContactRepository(session.database()).resolve(QStringLiteral("rene@cogito.example")));
    CHECK(require(ContactRepository(session.database()).get(rene)).displayName ==
          QStringLiteral("René Descartes"));
}

TEST_CASE("Columns mapped by hand are checked, imported and offered again for the same header",
          "[ui][import]")
{
    forgetSavedMappings();
    UiFixture fixture;
    ui::DatabaseSession& session = fixture.session();
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("crm.csv"),
                                   "Person,Mail address,Employer\n"
                                   "Ines Duarte,ines@duarte.example,Librarium\n"
                                   "Kofi Mensah,kofi@mensah.example,\n");
    {
        ImportWizard wizard(session);
        chooseFile(wizard, path);
        click(wizard, QWizard::NextButton);
        ui::ImportMappingPage& mapping = *wizard.mappingPage();
        CHECK(mapping.formatLabel()->text().contains(QStringLiteral("Not a layout Rapport knows")));
        // Nothing matched by name: Next waits for a name, an email or a handle.
        CHECK(mapping.mappingModel()->mapping().isEmpty());
        CHECK(mapping.problemLabel()->isVisible());
        CHECK_FALSE(wizard.button(QWizard::NextButton)->isEnabled());

        QComboBox* person = fieldCombo(mapping, 0);
        person->setCurrentIndex(person->findText(QStringLiteral("Display name")));
        QComboBox* mail = fieldCombo(mapping, 1);
        mail->setCurrentIndex(mail->findText(QStringLiteral("Email")));
        QComboBox* employer = fieldCombo(mapping, 2);
        employer->setCurrentIndex(employer->findText(QStringLiteral("Organization")));
        CHECK_FALSE(mapping.problemLabel()->isVisible());
        CHECK(mapping.previewModel()->headerData(1, Qt::Horizontal).toString() ==
              QStringLiteral("Mail address\n→ Email"));
        check(wizard);
        CHECK(wizard.checkPage()->statusLabel()->text().contains(QStringLiteral("2 created")));
        import(wizard);
        REQUIRE(wizard.resultPage()->written());
    }
    const qint64 ines =
        require(ContactRepository(session.database()).resolve(QStringLiteral("ines@duarte.example")));
    const Contact imported = require(ContactRepository(session.database()).get(ines));
    CHECK(imported.displayName == QStringLiteral("Ines Duarte"));
    CHECK(imported.organization == QStringLiteral("Librarium"));

    // A file with the same header opens with the mapping made last time.
    ImportWizard next(session);
    chooseFile(next, path);
    click(next, QWizard::NextButton);
    CHECK(next.mappingWasSaved());
    CHECK(next.mappingPage()->formatLabel()->text().contains(QStringLiteral("as you mapped this header")));
    CHECK(fieldCombo(*next.mappingPage(), 1)->currentText() == QStringLiteral("Email"));
    check(next);
    CHECK(next.checkPage()->statusLabel()->text().contains(QStringLiteral("0 created, 2 unchanged")));
}

TEST_CASE("A bad row is shown with its line and column, Import stays disabled, and nothing changes",
          "[ui][import]")
{
    forgetSavedMappings();
    UiFixture fixture;
    Database& db = fixture.session().database();
    const QString before = fingerprint(db);
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("bad.csv"),
                                   "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                   "Ada,Lovelace,,ada@analytical.example,,,\n"
                                   "Bob,Builder,,bob@,,,\n");
    ImportWizard wizard(fixture.session());
    chooseFile(wizard, path);
    click(wizard, QWizard::NextButton);
    check(wizard);
    CHECK(wizard.checkPage()->statusLabel()->text() ==
          QStringLiteral("1 problem: nothing will be imported until it is corrected."));
    REQUIRE(problems(wizard).size() == 1);
    CHECK(problems(wizard).front() ==
          path + QStringLiteral(": line 3, column 'Email Address': not an email address: 'bob@'"));
    CHECK_FALSE(wizard.button(QWizard::CommitButton)->isEnabled());
    UiFixture::saveScreenshot(wizard, QStringLiteral("import-problems"));
    CHECK(fingerprint(db) == before);

    // A file that is not CSV at all is refused on the first page.
    const QString binary =
        writeFile(dir.path(), QStringLiteral("book.xlsx"), QByteArray("PK\x03\x04\0\0binary", 12));
    ImportWizard other(fixture.session());
    chooseFile(other, binary);
    click(other, QWizard::NextButton);
    CHECK(other.currentId() == ImportWizard::FilePageId);
    CHECK(other.filePage()->messageLabel()->text().contains(QStringLiteral("not a CSV file")));
    CHECK(fingerprint(db) == before);
}

TEST_CASE("A file that is not UTF-8 is offered as Latin-1 instead of garbled", "[ui][import]")
{
    forgetSavedMappings();
    UiFixture fixture;
    QTemporaryDir dir;
    const QString path =
        writeFile(dir.path(), QStringLiteral("excel.csv"),
                  "display_name,emails,handles\r\nJos\xE9 \xC1lvarez,jose@alvarez.example,\r\n");
    ImportWizard wizard(fixture.session());
    chooseFile(wizard, path);
    click(wizard, QWizard::NextButton);
    CHECK(wizard.currentId() == ImportWizard::FilePageId);
    CHECK(wizard.filePage()->messageLabel()->text().contains(QStringLiteral("not valid UTF-8")));
    CHECK(wizard.filePage()->encodingBox()->currentData().toInt() == static_cast<int>(CsvEncoding::Latin1));
    UiFixture::saveScreenshot(wizard, QStringLiteral("import-latin1"));
    click(wizard, QWizard::NextButton);
    REQUIRE(wizard.currentId() == ImportWizard::MappingPageId);
    CHECK(wizard.mappingPage()->previewModel()->index(0, 0).data().toString() ==
          QStringLiteral("José Álvarez"));
    check(wizard);
    import(wizard);
    CHECK(wizard.resultPage()->written());
}

TEST_CASE("Cancel stops the check and the import, and leaves the database as it was", "[ui][import]")
{
    forgetSavedMappings();
    UiFixture fixture;
    Database& db = fixture.session().database();
    const QString before = fingerprint(db);
    QTemporaryDir dir;
    // More rows than the importer reads between two progress reports (4096): Cancel stops it midway.
    QByteArray rows = "display_name,emails\r\n";
    for (int i = 0; i < 4500; ++i)
        rows += QStringLiteral("Person %1,person%1@crowd.example\r\n").arg(i).toUtf8();
    const QString path = writeFile(dir.path(), QStringLiteral("crowd.csv"), rows);

    ImportWizard wizard(fixture.session());
    chooseFile(wizard, path);
    click(wizard, QWizard::NextButton);
    click(wizard, QWizard::NextButton);
    REQUIRE(wizard.checkPage()->isRunning());
    QTest::mouseClick(wizard.checkPage()->cancelButton(), Qt::LeftButton);
    wizard.task().wait();
    CHECK(wizard.checkPage()->statusLabel()->text().startsWith(QStringLiteral("Cancelled")));
    CHECK_FALSE(wizard.button(QWizard::CommitButton)->isEnabled());

    QTest::mouseClick(wizard.checkPage()->againButton(), Qt::LeftButton);
    wizard.task().wait();
    CHECK(wizard.checkPage()->statusLabel()->text().contains(QStringLiteral("4500 created")));
    click(wizard, QWizard::CommitButton);
    REQUIRE(wizard.resultPage()->isRunning());
    QTest::mouseClick(wizard.resultPage()->cancelButton(), Qt::LeftButton);
    wizard.task().wait();
    CHECK_FALSE(wizard.resultPage()->written());
    CHECK(wizard.resultPage()->statusLabel()->text() == QStringLiteral("Nothing was imported: cancelled."));
    CHECK(fingerprint(db) == before);
}

TEST_CASE("Imported conversations update the GUI's scores", "[ui][import]")
{
    forgetSavedMappings();
    UiFixture fixture;
    ui::DatabaseSession& session = fixture.session();
    const Contact someone = require(ContactRepository(session.database()).get(1));
    REQUIRE_FALSE(someone.methods.isEmpty());
    const double lastBefore = session.board().find(1)->state.tLast;
    QTemporaryDir dir;
    const QString path = writeFile(
        dir.path(), QStringLiteral("calls.csv"),
        QStringLiteral(
            "contact_key,occurred_at,channel,direction,summary\n%1,2026-05-31T10:00:00Z,call,mutual,"
            "Planning the meetup\n")
            .arg(someone.methods.front().kind == MethodKind::Email
                     ? someone.methods.front().value
                     : methodKindName(someone.methods.front().kind) + QLatin1Char(':') +
                           someone.methods.front().value)
            .toUtf8());
    ImportWizard wizard(session);
    chooseFile(wizard, path, 1);
    click(wizard, QWizard::NextButton);
    check(wizard);
    CHECK(wizard.checkPage()->statusLabel()->text().contains(QStringLiteral("1 created")));
    import(wizard);
    REQUIRE(wizard.resultPage()->written());
    const double lastAfter = session.board().find(1)->state.tLast;
    CHECK(lastAfter > lastBefore);
    CHECK(lastAfter ==
          Approx(QDateTime(QDate(2026, 5, 31), QTime(10, 0), QTimeZone::utc()).toSecsSinceEpoch() / 86400.0));
}

TEST_CASE("The import waits for a write the GUI's connection is finishing, then sees nothing stale",
          "[ui][import]")
{
    forgetSavedMappings();
    UiFixture fixture;
    ui::DatabaseSession& session = fixture.session();
    ui::ContactTableModel contacts(session);
    const int before = contacts.rowCount();
    ImportWizard wizard(session);
    chooseFile(wizard, linkedInSample);
    click(wizard, QWizard::NextButton);
    // The GUI's connection holds the write lock, as during a save; the dry run's write transaction waits
    // on SQLite's busy timeout (5 s) instead of failing at once.
    requireOk(session.database().begin());
    QTimer::singleShot(300, [&session] { CHECK(session.database().commit().ok()); });
    QElapsedTimer waited;
    waited.start();
    click(wizard, QWizard::NextButton);
    CHECK(QTest::qWaitFor([&wizard] { return !wizard.checkPage()->isRunning(); }, 10000));
    CHECK(waited.elapsed() >= 300);
    CHECK(session.database().transactionDepth() == 0);
    CHECK(wizard.checkPage()->statusLabel()->text().contains(QStringLiteral("4 created")));
    import(wizard);
    REQUIRE(wizard.resultPage()->written());
    CHECK(contacts.rowCount() == before + 4);
}

TEST_CASE("File > Import opens the wizard from the main window", "[ui][import]")
{
    UiFixture fixture;
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    QAction* action = nullptr;
    for (QAction* each : window.findChildren<QAction*>()) {
        if (each->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+I")))
            action = each;
    }
    REQUIRE(action != nullptr);
    auto visit = whenDialogOpens<ImportWizard>([](ImportWizard& wizard) {
        CHECK(wizard.currentId() == ImportWizard::FilePageId);
        wizard.reject();
    });
    action->trigger();
    REQUIRE(visit->completed());
}
