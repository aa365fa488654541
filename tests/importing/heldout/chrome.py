"""The furniture of an imaginary agency's web site, in each language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chrome:
    nav: tuple[str, ...]
    home: str
    news: str
    share: str
    related: str
    stories: tuple[str, ...]
    cookies: str
    accept: str
    footer: tuple[str, ...]


CHROME: dict[str, Chrome] = {
    "en": Chrome(
        ("Home", "Who we are", "Our work", "News and stories", "Data", "Donate"),
        "Home",
        "Press releases",
        "Share this",
        "Related news",
        (
            "New funding brings clean water to 40,000 people",
            "Five things to know about climate and migration",
            "Photo story: rebuilding after the floods",
        ),
        "We use cookies to improve your experience on our website.",
        "Accept all cookies",
        ("Privacy policy", "Terms of use", "Contact us", "© 2026 All rights reserved"),
    ),
    "fr": Chrome(
        ("Accueil", "Qui sommes-nous", "Notre action", "Actualités", "Données", "Faire un don"),
        "Accueil",
        "Communiqués de presse",
        "Partager",
        "Actualités liées",
        (
            "De nouveaux fonds pour l'eau potable au Sahel",
            "Cinq choses à savoir sur le climat et la migration",
            "Reportage photo : reconstruire après les inondations",
        ),
        "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
        "Accepter tous les cookies",
        (
            "Politique de confidentialité",
            "Conditions d'utilisation",
            "Nous contacter",
            "© 2026 Tous droits réservés",
        ),
    ),
    "es": Chrome(
        ("Inicio", "Quiénes somos", "Nuestro trabajo", "Noticias", "Datos", "Dona"),
        "Inicio",
        "Comunicados de prensa",
        "Compartir",
        "Noticias relacionadas",
        (
            "Nuevos fondos llevan agua potable a 40.000 personas",
            "Cinco claves sobre clima y migración",
            "Fotogalería: reconstruir después de las inundaciones",
        ),
        "Utilizamos cookies para mejorar su experiencia en nuestro sitio web.",
        "Aceptar todas las cookies",
        (
            "Política de privacidad",
            "Términos de uso",
            "Contáctenos",
            "© 2026 Todos los derechos reservados",
        ),
    ),
    "ru": Chrome(
        ("Главная", "О нас", "Наша работа", "Новости", "Данные", "Помочь"),
        "Главная",
        "Пресс-релизы",
        "Поделиться",
        "Похожие новости",
        (
            "Новое финансирование обеспечит чистой водой 40 000 человек",
            "Пять фактов о климате и миграции",
            "Фоторепортаж: восстановление после наводнений",
        ),
        "Мы используем файлы cookie, чтобы сделать сайт удобнее.",
        "Принять все файлы cookie",
        (
            "Политика конфиденциальности",
            "Условия использования",
            "Контакты",
            "© 2026 Все права защищены",
        ),
    ),
    "ar": Chrome(
        ("الرئيسية", "من نحن", "عملنا", "الأخبار", "البيانات", "تبرع"),
        "الرئيسية",
        "البيانات الصحفية",
        "شارك",
        "أخبار ذات صلة",
        (
            "تمويل جديد يوفر المياه النظيفة لـ40 ألف شخص",
            "خمسة أمور ينبغي معرفتها عن المناخ والهجرة",
            "قصة مصورة: إعادة البناء بعد الفيضانات",
        ),
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.",
        "قبول جميع ملفات تعريف الارتباط",
        ("سياسة الخصوصية", "شروط الاستخدام", "اتصل بنا", "© 2026 جميع الحقوق محفوظة"),
    ),
    "zh": Chrome(
        ("首页", "关于我们", "我们的工作", "新闻", "数据", "捐款"),
        "首页",
        "新闻稿",
        "分享",
        "相关新闻",
        (
            "新资金为4万人提供清洁饮水",
            "关于气候与移民须知的五件事",
            "图片故事：洪灾后的重建",
        ),
        "我们使用Cookie来改善您在本网站的体验。",
        "接受所有Cookie",
        ("隐私政策", "使用条款", "联系我们", "© 2026 版权所有"),
    ),
}
