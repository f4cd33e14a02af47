// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's connectors: who introduced the most others, as core ranks them, within the owner and
// tag filters; a name opens the contact; and a screenshot for the README.
#include "ui/dashboard/ConnectorsWidget.h"

#include "core/storage/ContactLinkRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/dashboard/DashboardPage.h"

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QTest>

using namespace rapport;
using namespace rapport::test;

namespace {

QList<qint64> idsOf(const QList<Connector>& connectors)
{
    QList<qint64> ids;
    for (const Connector& connector : connectors)
        ids << connector.contactId;
    return ids;
}

} // namespace

TEST_CASE("The dashboard ranks the connectors within its filters and opens one on a click",
          "[ui][dashboard][links]")
{
    UiFixture fixture;
    const std::unique_ptr<ui::MainWindow> window = fixture.openMainWindow();
    window->showPage(2);
    REQUIRE(window->currentPage() == 2);
    ui::DashboardPage& page = *window->findChild<rapport::ui::DashboardPage*>();
    page.computation()->waitForFinished();
    ui::ConnectorsWidget& widget = *page.connectors();
    ContactLinkRepository links(fixture.session().database());

    // The demo community's introductions: the ranking core computes, ten at most, most first.
    const QList<Connector> all = require(links.topConnectors(std::nullopt, std::nullopt, ui::connectorLimit));
    REQUIRE(all.size() >= 3);
    CHECK(idsOf(widget.connectors()) == idsOf(all));
    for (qsizetype i = 1; i < widget.connectors().size(); ++i)
        CHECK(widget.connectors().at(i - 1).introduced >= widget.connectors().at(i).introduced);
    const QList<QProgressBar*> bars = widget.findChildren<QProgressBar*>();
    REQUIRE(bars.size() == all.size());
    CHECK(bars.front()->value() == all.front().introduced);
    CHECK(bars.front()->text() == QStringLiteral("%1 introduced").arg(all.front().introduced));
    UiFixture::saveScreenshot(widget, QStringLiteral("connectors"));

    // The owner filter counts only the people introduced who have that owner.
    page.ownerFilter()->setCurrentIndex(2);
    page.computation()->waitForFinished();
    const qint64 owner = page.ownerFilter()->currentData().toLongLong();
    CHECK(idsOf(widget.connectors()) ==
          idsOf(require(links.topConnectors(owner, std::nullopt, ui::connectorLimit))));
    page.ownerFilter()->setCurrentIndex(0);
    page.tagFilter()->setCurrentIndex(1);
    page.computation()->waitForFinished();
    const qint64 tag = page.tagFilter()->currentData().toLongLong();
    CHECK(idsOf(widget.connectors()) ==
          idsOf(require(links.topConnectors(std::nullopt, tag, ui::connectorLimit))));
    page.tagFilter()->setCurrentIndex(0);
    page.computation()->waitForFinished();

    // A connector's name opens their contact page.
    const QList<QLabel*> names = widget.findChildren<QLabel*>(QStringLiteral("connector"));
    REQUIRE(names.size() == all.size());
    emit names.at(1)->linkActivated(QString::number(all.at(1).contactId));
    CHECK(window->currentPage() == 1);
    CHECK(window->findChild<rapport::ui::ContactsPage*>()->currentContactId() == all.at(1).contactId);
}

TEST_CASE("Without introductions the connectors say so", "[ui][dashboard][links]")
{
    ui::ConnectorsWidget widget;
    widget.setConnectors({Connector{4, QStringLiteral("Grace"), 2}});
    CHECK(widget.findChildren<QProgressBar*>().size() == 1);
    widget.setConnectors({});
    CHECK(widget.findChildren<QProgressBar*>().isEmpty());
    widget.show();
    bool saysNone = false;
    for (const QLabel* label : widget.findChildren<QLabel*>())
        saysNone =
            saysNone || (label->isVisible() && label->text().startsWith(QStringLiteral("No introductions")));
    CHECK(saysNone);
}
