// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

QLabel* makeLabel(const QString& html, QWidget* parent)
{
    auto* label = new QLabel(html, parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

QString link(const QString& url, const QString& text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Rapport"));
    const QIcon appIcon(QStringLiteral(":/icons/rapport.svg"));
    setWindowIcon(appIcon);

    auto* icon = new QLabel(this);
    icon->setPixmap(appIcon.pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    const QString homepage = QStringLiteral(RAPPORT_HOMEPAGE);
    auto* title = makeLabel(QStringLiteral("<h2>Rapport</h2>"), this);
    auto* version = makeLabel(tr("Version %1").arg(QStringLiteral(RAPPORT_VERSION)), this);
    version->setObjectName(QStringLiteral("version"));
    auto* summary = makeLabel(
        tr("A relationship-centric CRM for community managers: log every conversation, keep trust notes "
           "and see how each relationship is doing."),
        this);
    auto* license = makeLabel(
        tr("<p>Copyright © the Rapport contributors.</p>"
           "<p>Rapport is free software: you can redistribute it and/or modify it under the terms of the "
           "GNU General Public License as published by the Free Software Foundation, either version 3 of "
           "the License, or (at your option) any later version.</p>"
           "<p>Rapport is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; "
           "without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. "
           "See the %1 for more details.</p>")
            .arg(link(QStringLiteral("https://www.gnu.org/licenses/gpl-3.0.html"),
                      tr("GNU General Public License"))),
        this);
    license->setObjectName(QStringLiteral("license"));
    auto* links = makeLabel(QStringLiteral("%1 \u00b7 %2")
                                .arg(link(homepage, tr("Website")),
                                     link(homepage + QStringLiteral("issues"), tr("Report a problem"))),
                            this);
    auto* qtVersion = makeLabel(tr("Built with Qt %1, running on Qt %2.")
                                    .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                                this);
    qtVersion->setForegroundRole(QPalette::PlaceholderText);

    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(version);
    text->addSpacing(6);
    text->addWidget(summary);
    text->addWidget(links);
    text->addSpacing(6);
    text->addWidget(license);
    text->addWidget(qtVersion);
    text->addStretch();

    auto* body = new QHBoxLayout;
    body->setSpacing(18);
    body->addWidget(icon);
    body->addLayout(text, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    setMaximumWidth(640);
}

AboutDialog::~AboutDialog() = default;

} // namespace rapport::ui
