// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt resources linked through rapport_ui: every icon is there and renders (through the SVG icon
// engine the package depends on), the translations are compiled in, and the About dialog shows the
// version the package carries.
#include "ui/AboutDialog.h"

#include <QDir>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QTest>
#include <QTranslator>

namespace {

// Share of pixels that are not fully transparent.
double coverage(const QImage& image)
{
    int opaque = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            opaque += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    return double(opaque) / (image.width() * image.height());
}

} // namespace

class ResourcesTest : public QObject
{
    Q_OBJECT

private slots:
    void iconsRender_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name :
             {"rapport", "channel-email", "channel-call", "channel-meeting", "channel-forum", "channel-chat",
              "channel-social", "channel-event", "channel-other", "band-thriving", "band-steady", "band-new",
              "band-cooling", "band-at_risk", "band-no_history", "change"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void iconsRender()
    {
        QFETCH(QString, name);
        const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const QIcon icon(path);
        QVERIFY(!icon.isNull());
        for (int size : {16, 24, 48}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.size(), QSize(size, size));
            const double covered = coverage(image);
            QVERIFY2(covered > 0.05 && covered < 0.95,
                     qPrintable(QStringLiteral("%1 at %2 px covers %3").arg(name).arg(size).arg(covered)));
        }
    }

    void noStrayIcons()
    {
        const QStringList icons = QDir(QStringLiteral(":/icons")).entryList();
        QCOMPARE(icons.size(), 16);
    }

    void translationsAreCompiledIn()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("rapport"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(translator.language(), QStringLiteral("de_DE"));
        QCOMPARE(translator.translate("rapport::ui::MainWindow", "&Help"), QStringLiteral("&Hilfe"));
    }

    void aboutDialogShowsTheVersion()
    {
        rapport::ui::AboutDialog dialog;
        const auto* version = dialog.findChild<QLabel*>(QStringLiteral("version"));
        QVERIFY(version);
        QVERIFY(version->text().contains(QStringLiteral(RAPPORT_VERSION)));
        const auto* license = dialog.findChild<QLabel*>(QStringLiteral("license"));
        QVERIFY(license);
        QVERIFY(license->text().contains(QStringLiteral("GNU General Public License")));
        QVERIFY(license->text().contains(QStringLiteral("version 3")));
        QVERIFY(!dialog.windowIcon().isNull());
    }
};

QTEST_MAIN(ResourcesTest)
#include "ResourcesTest.moc"
