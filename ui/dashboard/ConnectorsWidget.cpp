// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/ConnectorsWidget.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

constexpr int barWidth = 200;

} // namespace

ConnectorsWidget::ConnectorsWidget(QWidget* parent)
    : QWidget(parent)
    , m_empty(new QLabel(this))
    , m_rows(new QWidget(this))
    , m_grid(new QGridLayout(m_rows))
{
    // Plain labels, not rich text: a rich label's width hint can fall short of its bold part.
    auto* title = new QLabel(tr("Connectors"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto* subtitle = new QLabel(tr("(who introduced the most others)"), this);
    const QString explanation =
        tr("Counts the active contacts each person introduced, among the contacts the "
           "owner and tag filters keep; introductions have no period.");
    title->setToolTip(explanation);
    subtitle->setToolTip(explanation);
    auto* header = new QHBoxLayout;
    header->setSpacing(4);
    header->addWidget(title);
    header->addWidget(subtitle);
    header->addStretch();
    m_empty->setText(tr("No introductions recorded among these contacts (People section of a contact "
                        "page, or <tt>rapport link --introduced-by</tt>)."));
    m_empty->setWordWrap(true);
    m_empty->setMaximumWidth(360);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnMinimumWidth(2, barWidth);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_empty);
    layout->addWidget(m_rows);
    layout->addStretch();
    setConnectors({});
}

ConnectorsWidget::~ConnectorsWidget() = default;

void ConnectorsWidget::setConnectors(const QList<Connector>& connectors)
{
    m_connectors = connectors;
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_empty->setVisible(connectors.isEmpty());
    m_rows->setVisible(!connectors.isEmpty());
    // The bars share one scale: the first connector introduced the most.
    const int most = connectors.isEmpty() ? 1 : connectors.front().introduced;
    for (int row = 0; row < connectors.size(); ++row) {
        const Connector& connector = connectors.at(row);
        auto* rank = new QLabel(QString::number(row + 1), m_rows);
        rank->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* name = new QLabel(QStringLiteral("<a href=\"%1\">%2</a>")
                                    .arg(connector.contactId)
                                    .arg(connector.name.toHtmlEscaped()),
                                m_rows);
        name->setObjectName(QStringLiteral("connector"));
        name->setToolTip(tr("Open %1").arg(connector.name));
        connect(name, &QLabel::linkActivated, this,
                [this](const QString& id) { emit contactRequested(id.toLongLong()); });
        auto* bar = new QProgressBar(m_rows);
        bar->setRange(0, most);
        bar->setValue(connector.introduced);
        bar->setFormat(tr("%n introduced", nullptr, connector.introduced));
        bar->setMaximumHeight(name->sizeHint().height());
        bar->setFixedWidth(barWidth);
        bar->setStyleSheet(
            QStringLiteral("QProgressBar { border: none; background: transparent; text-align: left; }"
                           "QProgressBar::chunk { background: #90caf9; }"));
        m_grid->addWidget(rank, row, 0);
        m_grid->addWidget(name, row, 1);
        m_grid->addWidget(bar, row, 2);
    }
}

} // namespace rapport::ui
