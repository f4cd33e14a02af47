// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's connectors: the people who introduced the most others among the contacts the
// dashboard's owner and tag filters keep, ranked, each with a bar of how many. A name opens the contact.
#pragma once

#include "core/model/ContactLink.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace rapport::ui {

class ConnectorsWidget : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorsWidget)

public:
    explicit ConnectorsWidget(QWidget* parent = nullptr);
    ~ConnectorsWidget() override;

    void setConnectors(const QList<Connector>& connectors);
    const QList<Connector>& connectors() const { return m_connectors; }

signals:
    void contactRequested(qint64 contactId);

private:
    QList<Connector> m_connectors;
    QLabel* m_empty = nullptr;
    QWidget* m_rows = nullptr;
    QGridLayout* m_grid = nullptr;
};

} // namespace rapport::ui
