// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that decides how bands and channels look, so every view and chart agrees.
#pragma once

#include "core/model/Channel.h"
#include "core/scoring/RelationshipScore.h"

#include <QColor>
#include <QIcon>
#include <QStyledItemDelegate>

namespace rapport::ui {

QColor bandColor(Band band);
QIcon bandIcon(Band band);
QIcon channelIcon(Channel channel);
// A channel's name for people: "Email", "Event".
QString channelLabel(Channel channel);
// "↗" outbound, "↙" inbound, "⇄" mutual.
QString directionArrow(Direction direction);

// Paints the band column as a coloured chip with the band's name.
class BandChipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BandChipDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace rapport::ui
