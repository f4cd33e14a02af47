// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import Conversations from an Archive driven like a person would: an mbox and who "me" is, the dry
// run's counts and people, one person unticked, the import, and a second run that adds nothing; a file
// that is no archive is named and nothing is written.
#include "ui/importing/ArchiveImportWizard.h"

#include "core/storage/ContactRepository.h"
#include "tests/support/CsvSupport.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/importing/ArchiveCheckPage.h"
#include "ui/importing/ArchivePeopleModel.h"
#include "ui/importing/ArchiveResultPage.h"
#include "ui/importing/ArchiveSourcePage.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::ArchiveImportWizard;
using rapport::ui::ArchivePeopleModel;

namespace {

// Two conversations with Ada (one each way), one with Grace, and a newsletter.
const QByteArray mailbox = "From me@rapport.test Mon Jan  1 10:00:00 2024\n"
                           "From: Me <me@rapport.test>\n"
                           "To: Ada Lovelace <ada@example.org>, Grace Hopper <grace@navy.example>\n"
                           "Subject: Meetup plans\n"
                           "Date: Mon, 01 Jan 2024 10:00:00 +0000\n"
                           "Message-ID: <1@rapport.test>\n"
                           "\n"
                           "Shall we meet on Thursday?\n"
                           "\n"
                           "From ada@example.org Tue Jan  2 10:00:00 2024\n"
                           "From: Ada Lovelace <ada@example.org>\n"
                           "To: me@rapport.test\n"
                           "Subject: Re: Meetup plans\n"
                           "Date: Tue, 02 Jan 2024 10:00:00 +0000\n"
                           "Message-ID: <2@rapport.test>\n"
                           "\n"
                           "Thursday works.\n"
                           "\n"
                           "From news@list.example Wed Jan  3 10:00:00 2024\n"
                           "From: News <noreply@list.example>\n"
                           "To: me@rapport.test\n"
                           "List-Id: <news.list.example>\n"
                           "Subject: This week\n"
                           "Date: Wed, 03 Jan 2024 10:00:00 +0000\n"
                           "Message-ID: <3@rapport.test>\n"
                           "\n"
                           "News.\n";

void click(ArchiveImportWizard& wizard, QWizard::WizardButton which)
{
    QAbstractButton* button = wizard.button(which);
    REQUIRE(button->isVisible());
    REQUIRE(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

// The first page filled in and Next: waits for the dry run.
void dryRun(ArchiveImportWizard& wizard, const QString& path)
{
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    ui::ArchiveSourcePage& source = *wizard.sourcePage();
    QTest::keyClicks(source.pathField(), path);
    source.meField()->clear();
    QTest::keyClicks(source.meField(), QStringLiteral("me@rapport.test"));
    UiFixture::saveScreenshot(wizard, QStringLiteral("import-archive-source"));
    click(wizard, QWizard::NextButton);
    REQUIRE(wizard.currentId() == ArchiveImportWizard::CheckPageId);
    wizard.task().wait();
    CHECK_FALSE(wizard.checkPage()->isRunning());
}

int rowOf(ArchivePeopleModel& people, const QString& name)
{
    for (int row = 0; row < people.rowCount(); ++row)
        if (people.index(row, ArchivePeopleModel::NameColumn).data().toString() == name)
            return row;
    FAIL("no row for " << name.toStdString());
    return -1;
}

qint64 countOf(Database& db, const char* sql)
{
    return require(db.scalar(QString::fromLatin1(sql))).toLongLong();
}

} // namespace

TEST_CASE("The archive wizard shows a dry run, leaves out an unticked person, and a second run adds nothing",
          "[ui][import][conversations]")
{
    UiFixture fixture(0, 0);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    Contact ada;
    ada.displayName = QStringLiteral("Ada Lovelace");
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), QString()};
    const qint64 adaId = require(ContactRepository(db).create(ada));
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("Inbox.mbox"), mailbox);

    {
        ArchiveImportWizard wizard(session);
        dryRun(wizard, path);
        ui::ArchiveCheckPage& check = *wizard.checkPage();
        INFO(check.statusLabel()->text().toStdString());
        CHECK(check.statusLabel()->text().contains(
            QStringLiteral("<b>3 conversations</b> to create (2 outbound, "
                           "1 inbound), 0 already imported, from 3 messages")));
        CHECK(check.statusLabel()->text().contains(QStringLiteral("<b>1 new</b>, 1 matched")));
        CHECK(check.skippedLabel()->text().contains(QStringLiteral("mailing list: 1")));
        // Nothing is written by the dry run.
        CHECK(countOf(db, "SELECT count(*) FROM interactions") == 0);

        ArchivePeopleModel& people = *wizard.people();
        ModelChecks peopleChecks(&people);
        REQUIRE(people.rowCount() == 2);
        const int adaRow = rowOf(people, QStringLiteral("Ada Lovelace"));
        CHECK(people.index(adaRow, ArchivePeopleModel::ContactColumn).data().toString() ==
              QStringLiteral("matched"));
        CHECK(people.index(adaRow, ArchivePeopleModel::ConversationsColumn).data().toInt() == 2);
        const int graceRow = rowOf(people, QStringLiteral("Grace Hopper"));
        CHECK(people.index(graceRow, ArchivePeopleModel::ContactColumn).data().toString() ==
              QStringLiteral("new contact"));
        CHECK(people.index(graceRow, ArchivePeopleModel::AddressColumn).data().toString() ==
              QStringLiteral("grace@navy.example"));
        UiFixture::saveScreenshot(wizard, QStringLiteral("import-archive"));

        REQUIRE(people.setData(people.index(graceRow, ArchivePeopleModel::NameColumn), Qt::Unchecked,
                               Qt::CheckStateRole));
        CHECK(check.choiceLabel()->text().startsWith(QStringLiteral("1 of 2 people will be imported")));
        click(wizard, QWizard::CommitButton);
        REQUIRE(wizard.currentId() == ArchiveImportWizard::ResultPageId);
        wizard.task().wait();
        REQUIRE(wizard.resultPage()->written());
        UiFixture::saveScreenshot(wizard, QStringLiteral("import-archive-result"));
        CHECK(wizard.resultPage()->statusLabel()->text().contains(
            QStringLiteral("Conversations created</td><td align=\"right\"><b>2</b>")));
    }
    CHECK(countOf(db, "SELECT count(*) FROM interactions") == 2);
    CHECK(require(
              db.scalar(QStringLiteral("SELECT count(*) FROM interactions WHERE contact_id = %1").arg(adaId)))
              .toInt() == 2);
    CHECK(countOf(db, "SELECT count(*) FROM contact_methods WHERE value = 'grace@navy.example'") == 0);

    ArchiveImportWizard again(session);
    dryRun(again, path);
    INFO(again.checkPage()->statusLabel()->text().toStdString());
    CHECK(again.checkPage()->statusLabel()->text().contains(
        QStringLiteral("<b>1 conversation</b> to create (1 outbound, 0 inbound), 2 already imported")));
}

TEST_CASE("The archive wizard names a file that is no archive and writes nothing",
          "[ui][import][conversations]")
{
    UiFixture fixture(0, 0);
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("notes.json"), "{\"hello\": 1}");
    ArchiveImportWizard wizard(fixture.session());
    dryRun(wizard, path);
    const QString status = wizard.checkPage()->statusLabel()->text();
    INFO(status.toStdString());
    CHECK(status.startsWith(QStringLiteral("This archive cannot be imported: ")));
    CHECK(status.contains(path));
    CHECK_FALSE(wizard.button(QWizard::CommitButton)->isEnabled());
    CHECK(countOf(fixture.session().database(), "SELECT count(*) FROM contacts") == 0);

    // A missing path is refused on the first page.
    ArchiveImportWizard missing(fixture.session());
    missing.show();
    REQUIRE(QTest::qWaitForWindowExposed(&missing));
    QTest::keyClicks(missing.sourcePage()->pathField(), dir.filePath(QStringLiteral("nowhere.mbox")));
    click(missing, QWizard::NextButton);
    CHECK(missing.currentId() == ArchiveImportWizard::SourcePageId);
    CHECK(missing.sourcePage()->messageLabel()->text().contains(QStringLiteral("no such file or folder")));
}
