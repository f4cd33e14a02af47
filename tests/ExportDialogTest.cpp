// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export driven like a person would: choose a report, its filters and a file, export on the
// worker thread, and find exactly what `rapport export` (and `rapport export vcard`) writes; cancel and
// errors leave no file.
#include "ui/exporting/ExportDialog.h"

#include "core/storage/SqliteStatement.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/vcard/VCardExport.h"
#include "core/vcard/VCardReader.h"
#include "tests/support/CsvSupport.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/dashboard/DashboardPage.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::ExportDialog;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QPushButton* exportButton(ExportDialog& dialog)
{
    for (QAbstractButton* button : dialog.findChild<QDialogButtonBox*>()->buttons()) {
        if (button->text() == ExportDialog::tr("&Export"))
            return qobject_cast<QPushButton*>(button);
    }
    FAIL("no Export button");
    return nullptr;
}

QPushButton* cancelButton(ExportDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel);
}

void chooseReport(ExportDialog& dialog, ReportKind kind)
{
    auto* report = dialog.findChild<QComboBox*>(QStringLiteral("report"));
    report->setCurrentIndex(report->findData(reportKindName(kind)));
}

void chooseVCard(ExportDialog& dialog)
{
    auto* report = dialog.findChild<QComboBox*>(QStringLiteral("report"));
    report->setCurrentIndex(report->findText(ExportDialog::tr("Contacts as vCard"), Qt::MatchStartsWith));
    REQUIRE_FALSE(dialog.kind());
}

QByteArray exportedCards(Database& db, const ReportFilter& filter, VCardVersion version)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    require(exportVCards(db, filter, version, buffer, QStringLiteral("expected.vcf")));
    return bytes;
}

// The cards of `bytes` read back, each by its FN; a card with a syntax problem fails the test.
QStringList cardNames(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    VCardReader reader(buffer, QStringLiteral("exported.vcf"));
    QStringList names;
    for (;;) {
        const Result<bool> more = reader.next();
        REQUIRE(more);
        if (!*more)
            return names;
        INFO(reader.card().syntaxProblem.toStdString());
        REQUIRE(reader.card().syntaxProblem.isEmpty());
        const VCardProperty* name = reader.card().first(QStringLiteral("FN"));
        REQUIRE(name != nullptr);
        names << name->text();
    }
}

} // namespace

TEST_CASE("The export dialog writes the report rapport export writes, with a BOM by default", "[ui][export]")
{
    UiFixture fixture;
    Database& db = fixture.session().database();
    QTemporaryDir dir;
    ExportDialog dialog(fixture.session(), QString(), QString());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(dialog.findChild<QCheckBox*>(QStringLiteral("bom"))->isChecked());

    chooseReport(dialog, ReportKind::Contacts);
    // Without a suffix the file gets ".csv".
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("path")),
                     dir.filePath(QStringLiteral("people")));
    UiFixture::saveScreenshot(dialog, QStringLiteral("export-dialog"));
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    CHECK_FALSE(exportButton(dialog)->isEnabled());
    dialog.task().wait();
    CHECK(dialog.result() == QDialog::Accepted);
    const QString path = dir.filePath(QStringLiteral("people.csv"));
    CHECK(dialog.resultMessage() == QStringLiteral("Exported 300 rows to %1").arg(path));
    const QByteArray written = readAll(path);
    CHECK(written.startsWith("\xEF\xBB\xBF"));
    CHECK(written == exportReport(db, ReportKind::Contacts, {}, CsvWriteOptions{true}));
    CHECK(parseCsv(written).size() == 301);
}

TEST_CASE("The export dialog starts from the contact list's owner and tag, and exports a period",
          "[ui][export]")
{
    UiFixture fixture;
    Database& db = fixture.session().database();
    const QString owner = require(TeamMemberRepository(db).list()).constFirst().name;
    QTemporaryDir dir;
    ExportDialog dialog(fixture.session(), owner, QString());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(dialog.findChild<QComboBox*>(QStringLiteral("owner"))->currentText() == owner);
    CHECK(dialog.findChild<QComboBox*>(QStringLiteral("tag"))->currentIndex() == 0);

    chooseReport(dialog, ReportKind::Interactions);
    QTest::mouseClick(dialog.findChild<QCheckBox*>(QStringLiteral("sinceEnabled")), Qt::LeftButton);
    auto* since = dialog.findChild<QDateEdit*>(QStringLiteral("since"));
    CHECK(since->isEnabled());
    since->setDate(QDate(2026, 3, 1));
    QTest::mouseClick(dialog.findChild<QCheckBox*>(QStringLiteral("bom")), Qt::LeftButton);
    const QString path = dir.filePath(QStringLiteral("spring.csv"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("path")), path);
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    dialog.task().wait();
    REQUIRE(dialog.result() == QDialog::Accepted);

    ReportFilter filter;
    filter.since = QDate(2026, 3, 1).startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
    filter.owner = owner;
    const QByteArray written = readAll(path);
    CHECK_FALSE(written.startsWith("\xEF\xBB\xBF"));
    CHECK(written == exportReport(db, ReportKind::Interactions, filter));
    const QList<QStringList> rows = parseCsv(written);
    CHECK(rows.size() > 1);
    const qsizetype occurredAt = rows.front().indexOf(QStringLiteral("occurred_at"));
    for (qsizetype i = 1; i < rows.size(); ++i)
        CHECK(rows[i][occurredAt] >= QStringLiteral("2026-03-01"));
}

TEST_CASE("The export dialog writes the contacts of a tag as vCard 4.0, or 3.0, which read back",
          "[ui][export][vcard]")
{
    UiFixture fixture;
    Database& db = fixture.session().database();
    const QString tag = require(TagRepository(db).list()).constFirst().name;
    QTemporaryDir dir;
    ExportDialog dialog(fixture.session(), QString(), tag);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* bom = dialog.findChild<QCheckBox*>(QStringLiteral("bom"));
    auto* version = dialog.findChild<QComboBox*>(QStringLiteral("vcardVersion"));
    CHECK(bom->isVisible());
    CHECK_FALSE(version->isVisible());

    chooseVCard(dialog);
    CHECK_FALSE(bom->isVisible());
    CHECK(version->isVisible());
    CHECK(dialog.vcardVersion() == VCardVersion::V4);
    // Without a suffix the file gets ".vcf".
    auto* pathField = dialog.findChild<QLineEdit*>(QStringLiteral("path"));
    QTest::keyClicks(pathField, dir.filePath(QStringLiteral("tagged")));
    UiFixture::saveScreenshot(dialog, QStringLiteral("export-vcard"));
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    CHECK_FALSE(exportButton(dialog)->isEnabled());
    dialog.task().wait();
    REQUIRE(dialog.result() == QDialog::Accepted);

    ReportFilter filter;
    filter.tag = tag;
    const QString path = dir.filePath(QStringLiteral("tagged.vcf"));
    const QByteArray written = readAll(path);
    CHECK(written == exportedCards(db, filter, VCardVersion::V4));
    CHECK(written.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    const QStringList names = cardNames(written);
    SqliteStatement tagged(db.handle(),
                           "SELECT c.display_name FROM contacts c JOIN contact_tags ct ON "
                           "ct.contact_id = c.id JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?1 "
                           "ORDER BY c.id");
    tagged.bind(1, tag);
    QStringList expected;
    while (tagged.step())
        expected << tagged.columnText(0);
    REQUIRE_FALSE(expected.isEmpty());
    CHECK(names == expected);
    CHECK(dialog.resultMessage() == QStringLiteral("Exported %1 cards to %2").arg(names.size()).arg(path));

    ExportDialog older(fixture.session(), QString(), tag);
    older.show();
    REQUIRE(QTest::qWaitForWindowExposed(&older));
    chooseVCard(older);
    older.findChild<QComboBox*>(QStringLiteral("vcardVersion"))->setCurrentIndex(1);
    CHECK(older.vcardVersion() == VCardVersion::V3);
    const QString olderPath = dir.filePath(QStringLiteral("tagged-3.vcf"));
    QTest::keyClicks(older.findChild<QLineEdit*>(QStringLiteral("path")), olderPath);
    QTest::mouseClick(exportButton(older), Qt::LeftButton);
    older.task().wait();
    REQUIRE(older.result() == QDialog::Accepted);
    const QByteArray olderCards = readAll(olderPath);
    CHECK(olderCards == exportedCards(db, filter, VCardVersion::V3));
    CHECK(olderCards.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    CHECK(cardNames(olderCards) == expected);
}

TEST_CASE("Cancelling an export leaves no file, and a file that cannot be written is said clearly",
          "[ui][export]")
{
    UiFixture fixture;
    QTemporaryDir dir;
    ExportDialog dialog(fixture.session(), QString(), QString());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("status"));
    auto* pathField = dialog.findChild<QLineEdit*>(QStringLiteral("path"));

    chooseReport(dialog, ReportKind::Health);
    const QString path = dir.filePath(QStringLiteral("health.csv"));
    QTest::keyClicks(pathField, path);
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    QTest::mouseClick(cancelButton(dialog), Qt::LeftButton);
    dialog.task().wait();
    CHECK(dialog.isVisible());
    CHECK(status->text() == QStringLiteral("Cancelled: no file was written."));
    CHECK_FALSE(QFile::exists(path));
    CHECK(QDir(dir.path()).isEmpty());
    CHECK(exportButton(dialog)->isEnabled());

    pathField->clear();
    QTest::keyClicks(pathField, dir.filePath(QStringLiteral("missing/folder/health.csv")));
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    dialog.task().wait();
    CHECK(dialog.isVisible());
    CHECK(status->text().startsWith(QStringLiteral("The export failed: Cannot write %1")
                                        .arg(dir.filePath(QStringLiteral("missing/folder/health.csv")))));

    pathField->clear();
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    CHECK(status->text() == QStringLiteral("Choose the file to export to."));
    CHECK_FALSE(dialog.task().isRunning());
}

TEST_CASE("File > Export opens on the contact list's tag filter", "[ui][export]")
{
    UiFixture fixture;
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    auto* tagFilter = window.findChild<rapport::ui::ContactsPage*>()->findChildren<QComboBox*>().at(2);
    REQUIRE(tagFilter->count() > 1);
    tagFilter->setCurrentIndex(1);
    CHECK(window.findChild<rapport::ui::ContactsPage*>()->tagFilterName() == tagFilter->currentText());
    CHECK(window.findChild<rapport::ui::ContactsPage*>()->ownerFilterName().isEmpty());
    QAction* action = nullptr;
    for (QAction* each : window.findChildren<QAction*>()) {
        if (each->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+E")))
            action = each;
    }
    REQUIRE(action != nullptr);
    auto visit = whenDialogOpens<ExportDialog>([expected = tagFilter->currentText()](ExportDialog& dialog) {
        CHECK(dialog.filter().tag == expected);
        CHECK(dialog.filter().owner.isEmpty());
        dialog.reject();
    });
    action->trigger();
    REQUIRE(visit->completed());
}

TEST_CASE("File > Export from the dashboard opens on its owner, tag and period", "[ui][export][dashboard]")
{
    UiFixture fixture;
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    window.showPage(2);
    ui::DashboardPage& dashboard = *window.findChild<rapport::ui::DashboardPage*>();
    REQUIRE(dashboard.ownerFilter()->count() > 2);
    dashboard.ownerFilter()->setCurrentIndex(dashboard.ownerFilter()->count() - 1); // a team member
    dashboard.periodFilter()->setCurrentIndex(
        dashboard.periodFilter()->findData(static_cast<int>(DashboardPeriod::Last30Days)));
    const DashboardFilter shown = dashboard.filter();
    QAction* action = nullptr;
    for (QAction* each : window.findChildren<QAction*>()) {
        if (each->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+E")))
            action = each;
    }
    REQUIRE(action != nullptr);
    auto visit = whenDialogOpens<ExportDialog>(
        [owner = dashboard.ownerFilter()->currentText(), shown](ExportDialog& dialog) {
            const ReportFilter filter = dialog.filter();
            CHECK(filter.owner == owner);
            CHECK(filter.tag.isEmpty());
            // Whole days: the dashboard's first day to its last.
            REQUIRE(filter.since);
            REQUIRE(filter.until);
            CHECK(*filter.since <= shown.start);
            CHECK(shown.start - *filter.since < 86400);
            CHECK(*filter.until >= shown.end);
            CHECK(*filter.until - shown.end < 86400);
            dialog.reject();
        });
    action->trigger();
    REQUIRE(visit->completed());
}
