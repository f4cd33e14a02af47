// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard page on demo data: it builds, its filters change the numbers, a band click lists that
// band's contacts, charts export as PNG and SVG and the numbers as CSV, a failed rebuild of the weekly
// history is reported; and a screenshot for the README.
#include "ui/dashboard/DashboardPage.h"

#include "core/base/Clock.h"
#include "core/dashboard/HealthHistory.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/dashboard/DashboardContactsModel.h"

#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::DashboardPage;
using rapport::ui::MainWindow;

namespace {

std::unique_ptr<MainWindow> openDashboard(UiFixture& fixture)
{
    auto window = std::make_unique<MainWindow>(fixture.openDatabase());
    window->session()->waitForScores();
    window->resize(1280, 800);
    window->show();
    window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    REQUIRE(window->currentPage() == 2);
    window->findChild<rapport::ui::DashboardPage*>()->computation()->waitForFinished();
    return window;
}

int bandTotal(const DashboardData& data)
{
    int total = 0;
    for (const int n : data.bands)
        total += n;
    return total;
}

void choose(DashboardPage& page, QComboBox* box, int index)
{
    box->setCurrentIndex(index);
    page.computation()->waitForFinished();
}

} // namespace

TEST_CASE("The dashboard builds on demo data with every chart and KPI", "[ui][dashboard]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> window = openDashboard(fixture);
    DashboardPage& page = *window->findChild<rapport::ui::DashboardPage*>();
    const DashboardData& data = page.data();

    CHECK(data.contacts > 250); // 300 demo contacts, a few archived
    CHECK(bandTotal(data) == data.contacts);
    CHECK(data.kpis.conversations > 0);
    CHECK(data.filter.period == DashboardPeriod::Last90Days);
    CHECK(page.kpiText(DashboardPage::ConversationsKpi) == QString::number(data.kpis.conversations));
    CHECK(page.kpiText(DashboardPage::ActiveKpi) == QString::number(data.kpis.activeRelationships));
    for (int chart = 0; chart < DashboardPage::ChartCount; ++chart) {
        INFO("chart " << chart);
        const QChart* shown = page.chartView(DashboardPage::Chart(chart))->chart();
        CHECK_FALSE(shown->title().isEmpty());
        CHECK_FALSE(shown->series().isEmpty());
        CHECK_FALSE(shown->axes().isEmpty());
    }
    CHECK(page.contactsModel()->rowCount() == std::min<int>(data.atRiskTotal, 200));
    CHECK(page.contactsModel()->contacts().band == Band::AtRisk);
    UiFixture::saveScreenshot(*window, QStringLiteral("dashboard"));

    // Double-click opens the contact on the Contacts page.
    REQUIRE(page.contactsModel()->rowCount() > 0);
    const qint64 first = page.contactsModel()->contactAt(0);
    const QTableView* table = page.contactsView();
    emit page.contactsView()->doubleClicked(table->model()->index(0, 0));
    CHECK(window->currentPage() == 1);
    CHECK(window->selectedContactId() == first);
}

TEST_CASE("Dashboard filters change every number at once", "[ui][dashboard]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> window = openDashboard(fixture);
    DashboardPage& page = *window->findChild<rapport::ui::DashboardPage*>();
    const DashboardData all = page.data();

    choose(page, page.ownerFilter(), 2); // the first team member
    const DashboardData owned = page.data();
    CHECK(owned.filter.ownerId == page.ownerFilter()->currentData().toLongLong());
    CHECK(owned.contacts < all.contacts);
    CHECK(owned.kpis.conversations < all.kpis.conversations);
    CHECK(owned.owners.size() == 1);

    choose(page, page.ownerFilter(), 0);
    choose(page, page.tagFilter(), 1);
    const DashboardData tagged = page.data();
    CHECK(tagged.filter.tagId.has_value());
    CHECK(tagged.contacts < all.contacts);

    choose(page, page.tagFilter(), 0);
    choose(page, page.periodFilter(), 2); // the last 365 days
    const DashboardData year = page.data();
    CHECK(year.contacts == all.contacts);
    CHECK(year.kpis.conversations > all.kpis.conversations);
    CHECK(year.weeks.size() > all.weeks.size());
    CHECK(page.kpiText(DashboardPage::ConversationsKpi) == QString::number(year.kpis.conversations));

    // A custom period includes its end date.
    choose(page, page.periodFilter(), 3);
    auto* from = page.findChild<QDateEdit*>(QStringLiteral("dashboardFrom"));
    auto* to = page.findChild<QDateEdit*>(QStringLiteral("dashboardTo"));
    REQUIRE(from != nullptr);
    REQUIRE(to != nullptr);
    CHECK(from->isVisible());
    from->setDate(QDate(2026, 5, 1));
    to->setDate(QDate(2026, 5, 31));
    page.computation()->waitForFinished();
    const DashboardData custom = page.data();
    CHECK(custom.filter.period == DashboardPeriod::Custom);
    CHECK(custom.filter.start == testNow - 31 * daySeconds);
    CHECK(custom.filter.end == testNow);
    CHECK(custom.kpis.conversations < all.kpis.conversations);

    // The end cannot come before the start: a later start takes the end along, an earlier end is refused.
    from->setDate(QDate(2026, 5, 25));
    CHECK(to->date() == QDate(2026, 5, 31));
    to->setDate(QDate(2026, 5, 10));
    CHECK(to->date() == QDate(2026, 5, 25));
    from->setDate(QDate(2026, 5, 28));
    CHECK(to->date() == QDate(2026, 5, 28));
    page.computation()->waitForFinished();
    CHECK(page.data().filter.start == page.data().filter.end - daySeconds);
    CHECK(to->maximumDate() == Clock::nowUtc().date());
}

TEST_CASE("A click on a dashboard band lists that band's contacts", "[ui][dashboard]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> window = openDashboard(fixture);
    DashboardPage& page = *window->findChild<rapport::ui::DashboardPage*>();
    const int cooling = page.data().bands[static_cast<size_t>(Band::Cooling)];
    REQUIRE(cooling > 0);

    ModelChecks bandListChecks(page.contactsModel());
    page.selectBand(Band::Cooling);
    page.computation()->waitForFinished();
    const ui::DashboardContactsModel& model = *page.contactsModel();
    CHECK(model.contacts().band == Band::Cooling);
    CHECK(model.contacts().total == cooling);
    CHECK(model.rowCount() == std::min(cooling, 200));
    for (int row = 0; row < model.rowCount(); ++row)
        REQUIRE(model.index(row, 0).data(ui::DashboardContactsModel::BandRole).toInt() ==
                static_cast<int>(Band::Cooling));

    page.selectBand(std::nullopt);
    page.computation()->waitForFinished();
    CHECK(model.contacts().band == Band::AtRisk);
}

TEST_CASE("The dashboard exports charts as PNG and SVG and its numbers as CSV", "[ui][dashboard]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> window = openDashboard(fixture);
    DashboardPage& page = *window->findChild<rapport::ui::DashboardPage*>();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    const QString png = dir.filePath(QStringLiteral("bands.png"));
    const QString svg = dir.filePath(QStringLiteral("trend.svg"));
    requireOk(page.exportChart(DashboardPage::BandChart, png));
    requireOk(page.exportChart(DashboardPage::TrendChart, svg));
    QFile image(png);
    REQUIRE(image.open(QIODevice::ReadOnly));
    CHECK(image.read(8) == QByteArray("\x89PNG\r\n\x1a\n"));
    QFile drawing(svg);
    REQUIRE(drawing.open(QIODevice::ReadOnly));
    const QByteArray svgText = drawing.readAll();
    CHECK(svgText.contains("<svg"));
    CHECK(svgText.contains("Health trend"));

    const QString csv = dir.filePath(QStringLiteral("dashboard.csv"));
    requireOk(page.exportCsv(csv));
    QFile numbers(csv);
    REQUIRE(numbers.open(QIODevice::ReadOnly));
    const QByteArray text = numbers.readAll();
    CHECK(text.startsWith("\xEF\xBB\xBFsection,group,series,week,value\r\n"));
    const DashboardData& data = page.data();
    CHECK(text.contains("\r\nkpi,,contacts,," + QByteArray::number(data.contacts) + "\r\n"));
    CHECK(text.contains("\r\nkpi,,conversations,," + QByteArray::number(data.kpis.conversations) + "\r\n"));
    CHECK(text.contains("\r\nband,,cooling,," +
                        QByteArray::number(data.bands[static_cast<size_t>(Band::Cooling)]) + "\r\n"));
    CHECK(text.count("\r\nchannel,,email,") == static_cast<qsizetype>(data.weeks.size()));
}

TEST_CASE("The dashboard reports a weekly history it could not rebuild, and still shows its numbers",
          "[ui][dashboard][errors]")
{
    UiFixture fixture;
    ui::DatabaseSession& session = fixture.session();
    session.waitForScores();
    Database& db = session.database();
    requireOk(db.execute(QStringLiteral("UPDATE health_cache SET valid = 0")));
    requireOk(
        db.execute(QStringLiteral("CREATE TRIGGER refuse_rebuild BEFORE UPDATE ON health_cache "
                                  "WHEN NEW.valid = 2 BEGIN SELECT RAISE(ABORT, 'rebuild refused'); END")));
    DashboardPage page(session);
    QSignalSpy errors(&session, &ui::DatabaseSession::errorOccurred);
    page.refresh();
    page.computation()->waitForFinished();
    CHECK(page.data().contacts > 250);
    REQUIRE(errors.count() == 1);
    const QString message = errors.at(0).at(0).toString();
    CHECK(message.startsWith(QStringLiteral("Could not rebuild the dashboard's weekly history: ")));
    CHECK(message.contains(QStringLiteral("rebuild refused")));

    // The next computation tries again; the same failure is not reported twice.
    page.refresh();
    page.computation()->waitForFinished();
    CHECK(errors.count() == 1);

    requireOk(db.execute(QStringLiteral("DROP TRIGGER refuse_rebuild")));
    page.refresh();
    page.computation()->waitForFinished();
    CHECK(errors.count() == 1);
    CHECK(require(HealthHistory(db).isFresh(testNow)));
}
