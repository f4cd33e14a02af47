// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/BandStyle.h"

#include "ui/contacts/ContactTableModel.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <array>

namespace rapport::ui {

QColor bandColor(Band band)
{
    static const std::array<QColor, bandCount> colors{QColor(0x2e, 0x7d, 0x32), QColor(0x15, 0x65, 0xc0),
                                                      QColor(0x6a, 0x1b, 0x9a), QColor(0xef, 0x6c, 0x00),
                                                      QColor(0xc6, 0x28, 0x28), QColor(0x75, 0x75, 0x75)};
    return colors[static_cast<size_t>(band)];
}

QIcon bandIcon(Band band)
{
    const QString resource = QStringLiteral(":/icons/band-%1.svg").arg(bandKey(band));
    if (QFile::exists(resource))
        return QIcon(resource);
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(bandColor(band));
    painter.drawEllipse(QRectF(2, 2, 12, 12));
    return QIcon(pixmap);
}

QIcon channelIcon(Channel channel)
{
    return QIcon(QStringLiteral(":/icons/channel-%1.svg").arg(channelName(channel)));
}

QString channelLabel(Channel channel)
{
    static const std::array<const char*, channelCount> labels{
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Email"),
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Call"),
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Meeting"),
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Forum"),
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Chat"),
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Social"),
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Event"),
        QT_TRANSLATE_NOOP("rapport::ui::BandStyle", "Other")};
    return QCoreApplication::translate("rapport::ui::BandStyle", labels[static_cast<size_t>(channel)]);
}

QString directionArrow(Direction direction)
{
    switch (direction) {
    case Direction::Outbound:
        return QStringLiteral("\u2197");
    case Direction::Inbound:
        return QStringLiteral("\u2199");
    case Direction::Mutual:
        return QStringLiteral("\u21c4");
    }
    return {};
}

void BandChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const auto band = static_cast<Band>(index.data(ContactTableModel::BandRole).toInt());
    const QString text = bandName(band);
    const QFontMetrics metrics(option.font);
    const int width = metrics.horizontalAdvance(text) + 14;
    const int height = metrics.height() + 4;
    const QRect chip(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(bandColor(band));
    painter->drawRoundedRect(chip, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(chip, Qt::AlignCenter, text);
    painter->restore();
}

QSize BandChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    return {std::max(base.width(), metrics.horizontalAdvance(QStringLiteral("No history")) + 24),
            std::max(base.height(), metrics.height() + 8)};
}

} // namespace rapport::ui
