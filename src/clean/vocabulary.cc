#include "clean/vocabulary.h"

#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace lede::clean {

namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& stop_words() {
  static const WordSet words = {
      // en
      "the", "a", "an", "of", "to", "in", "and", "or", "is", "are", "was", "were", "be", "for", "on", "with",
      "that", "this", "it", "as", "at", "by", "from", "not", "but", "have", "has", "had", "will", "would",
      "which", "who", "their", "they", "he", "she", "his", "her", "its", "been", "into", "than", "also",
      // de
      "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von", "für", "auf",
      "im", "dem", "des", "sich", "auch", "es", "wird", "wurde", "sind", "bei", "nach", "wie", "aus",
      // fr
      "le", "la", "les", "et", "est", "un", "une", "du", "de", "que", "qui", "dans", "pour", "pas", "sur",
      "au", "aux", "avec", "ce", "il", "elle", "ont", "été", "sont", "mais",
      // es
      "el", "los", "las", "y", "es", "del", "al", "lo", "por", "con", "para", "una", "se", "su", "fue",
      // it
      "il", "gli", "e", "è", "di", "che", "per", "non", "della", "delle", "nel", "alla", "sono",
      // nl
      "het", "een", "en", "van", "dat", "op", "te", "niet", "zijn", "met", "voor", "werd", "ook",
      // pt
      "o", "os", "as", "um", "uma", "do", "da", "dos", "das", "não", "em", "com", "foi", "na", "no"};
  return words;
}

// Second person and first person plural: a page addressing its reader.
const WordSet& address_words() {
  static const WordSet words = {
      "you", "your", "yours", "yourself", "we", "our", "ours", "us", "ourselves",
      "du", "dich", "dir", "dein", "deine", "euch", "euer", "wir", "uns", "unser", "unsere", "unseren",
      "unserem", "vous", "votre", "vos", "tu", "nous", "notre", "nos",
      "usted", "ustedes", "tú", "vosotros", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras",
      "voi", "vostro", "nostro", "nostra", "noi", "jij", "jouw", "uw", "wij", "ons", "onze",
      "você", "vocês", "nós", "nosso", "nossa"};
  return words;
}

void add(std::unordered_map<std::string_view, Vocab>& map, Vocab vocab, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) map.emplace(word, vocab);
}

const std::unordered_map<std::string_view, Vocab>& chrome_words() {
  static const auto map = [] {
    std::unordered_map<std::string_view, Vocab> m;
    add(m, Vocab::sign_in,
        {"sign", "signed", "signing", "login", "log", "logged", "register", "registered", "account", "password",
         "anmelden", "angemeldet", "einloggen", "registrieren", "konto", "passwort", "connexion", "connecter",
         "connectez", "identifiez", "compte", "iniciar", "sesión", "registrarse", "cuenta", "contraseña",
         "accedi", "registrati", "inloggen", "aanmelden", "entrar", "senha"});
    add(m, Vocab::subscribe,
        {"subscribe", "subscribed", "subscription", "subscriber", "subscribers", "newsletter", "newsletters",
         "alerts", "notifications", "download", "app", "click", "tap", "reload", "refresh", "follow", "unlock",
         "abonnieren", "abonnement", "abonnez", "abonner", "abonné", "suscríbete", "suscribirse",
         "suscripción", "iscriviti", "abbonati", "abbonamento", "abonneer", "assine", "assinatura"});
    add(m, Vocab::donate,
        {"donate", "donation", "donations", "contribution", "contributions", "contribute", "support",
         "journalism", "newsroom", "readers", "independent", "fund", "spenden", "spende", "unterstützen",
         "unterstützung", "journalismus", "soutenir", "soutien", "journalisme", "donar", "donación", "apoya",
         "apoyar", "periodismo", "dona", "sostieni", "giornalismo", "doneer", "steun", "doe", "apoie"});
    add(m, Vocab::cookie,
        {"cookie", "cookies", "consent", "privacy", "gdpr", "datenschutz", "confidentialité", "privacidad",
         "privacidade"});
    add(m, Vocab::share,
        {"share", "shares", "shared", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest",
         "reddit", "telegram", "email", "print", "teilen", "partager", "compartir", "condividi", "delen",
         "compartilhar"});
    add(m, Vocab::advert,
        {"advertisement", "advertising", "advert", "ad", "ads", "sponsored", "anzeige", "werbung", "publicité",
         "publicidad", "pubblicità", "advertentie", "publicidade"});
    add(m, Vocab::copyright, {"copyright", "reserved", "rechte", "vorbehalten", "réservés", "reservados"});
    add(m, Vocab::navigation,
        {"menu", "home", "skip", "search", "next", "previous", "prev", "back", "top", "more", "related",
         "tags", "categories", "comments", "reply", "suche", "startseite", "weiter", "zurück", "accueil",
         "recherche", "suivant", "précédent", "inicio", "buscar", "siguiente", "anterior", "cerca",
         "successivo", "precedente", "zoeken", "volgende", "vorige", "início", "próximo"});
    return m;
  }();
  return map;
}

}  // namespace

bool is_stop_word(std::string_view word) { return stop_words().contains(word); }

bool is_address_word(std::string_view word) { return address_words().contains(word); }

Vocab chrome_vocab(std::string_view word) {
  auto found = chrome_words().find(word);
  return found == chrome_words().end() ? Vocab::none : found->second;
}

}  // namespace lede::clean
