#include "metadata/jsonld.h"

#include <unordered_map>

#include "metadata/json.h"
#include "metadata/text.h"

namespace lede::metadata {
namespace {

// A JSON value inside one of the page's parsed scripts.
struct Ref {
  const Json* json = nullptr;
  int32_t node = -1;

  bool valid() const { return json && node >= 0; }
  const JsonNode& value() const { return json->node(node); }
  Ref member(std::string_view key) const { return {json, json->member(node, key)}; }
  bool is(JsonKind kind) const { return valid() && value().kind == kind; }
};

// "http://schema.org/NewsArticle" and "schema:NewsArticle" are NewsArticle.
std::string_view bare_type(std::string_view type) {
  size_t cut = type.find_last_of("/:#");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

// Lower-cased: publishers write "person" as often as "Person".
std::vector<std::string> types_of(Ref object) {
  std::vector<std::string> types;
  Ref type = object.member("@type");
  if (type.is(JsonKind::string)) types.push_back(to_lower_ascii(bare_type(type.value().text)));
  if (type.is(JsonKind::array))
    for (int32_t c : type.json->children(type.node))
      if (type.json->node(c).kind == JsonKind::string)
        types.push_back(to_lower_ascii(bare_type(type.json->node(c).text)));
  return types;
}

bool is_article_type(std::string_view t) {
  return t.ends_with("article") || t.ends_with("posting") || t == "report" || t == "recipe" ||
         t == "howto" || t == "question";
}
bool is_page_type(std::string_view t) { return t.ends_with("page"); }
bool is_person_type(std::string_view t) { return t == "person"; }
bool is_website_type(std::string_view t) { return t == "website"; }
bool is_organisation_type(std::string_view t) {
  return t.ends_with("organization") || t == "corporation" || t == "localbusiness" || t == "brand";
}
bool any_of_types(const std::vector<std::string>& types, bool (*pred)(std::string_view)) {
  for (const std::string& t : types)
    if (pred(t)) return true;
  return false;
}

// A JSON string as plain text: entities decoded, tags dropped, spaces collapsed.
std::string clean_text(std::string_view raw) { return collapse_whitespace(strip_tags(decode_entities(raw))); }

// The first string in a string or an array of strings.
std::string first_string(Ref v) {
  if (v.is(JsonKind::string)) return clean_text(v.value().text);
  if (v.is(JsonKind::array))
    for (int32_t c : v.json->children(v.node))
      if (v.json->node(c).kind == JsonKind::string) return clean_text(v.json->node(c).text);
  if (v.is(JsonKind::object)) return first_string(v.member("@value"));
  return {};
}

class JsonLdReader {
 public:
  explicit JsonLdReader(const std::vector<std::string_view>& scripts) {
    docs_.reserve(scripts.size());
    for (std::string_view s : scripts) docs_.push_back(Json::parse(s));
    index_entities();
  }

  JsonLdFacts read() {
    Ref article = main_entity(is_article_type);
    Ref page = main_entity(is_page_type);
    if (article.valid()) {
      facts_.has_article = true;
      read_article(article);
    } else if (page.valid()) {
      read_people(page.member("author"));
    }
    if (page.valid()) facts_.page_date_published = first_string(page.member("datePublished"));
    read_site_names();
    read_top_level_types();
    Ref product = main_entity([](std::string_view t) { return t == "product"; });
    read_descriptors(article.valid() ? article : product.valid() ? product : page);
    if (product.valid()) facts_.product_description = first_string(product.member("description"));
    return std::move(facts_);
  }

 private:
  void index_entities() {
    for (const Json& doc : docs_) {
      for (int32_t i = 0; i < static_cast<int32_t>(doc.nodes().size()); ++i) {
        Ref object{&doc, i};
        if (!object.is(JsonKind::object)) continue;
        Ref id = object.member("@id");
        bool typed = object.member("@type").valid();
        if (id.is(JsonKind::string) && (typed || object.member("name").valid())) index_id(id.value().text, object, typed);
        if (typed) entities_.push_back(object);
      }
    }
  }

  // The first typed description of an @id wins over untyped mentions.
  void index_id(const std::string& id, Ref object, bool typed) {
    auto [it, inserted] = by_id_.emplace(id, object);
    if (!inserted && typed && !it->second.member("@type").valid()) it->second = object;
  }

  // {"@id": "#author"} stands for the entity described elsewhere, which
  // also knows its @type when the reference only repeats the name.
  Ref resolve(Ref v) const {
    if (!v.is(JsonKind::object) || v.member("@type").valid()) return v;
    Ref id = v.member("@id");
    if (!id.is(JsonKind::string)) return v;
    auto it = by_id_.find(id.value().text);
    return it == by_id_.end() ? v : it->second;
  }

  // Entities nested in something other than a page (an ItemList of teasers,
  // the reviews of a product) are not what the page is about.
  bool is_top_level(Ref object) const {
    for (int32_t p = object.value().parent; p >= 0; p = object.json->node(p).parent) {
      Ref ancestor{object.json, p};
      if (!ancestor.is(JsonKind::object)) continue;
      std::vector<std::string> types = types_of(ancestor);
      if (!types.empty() && !any_of_types(types, is_page_type)) return false;
    }
    return true;
  }

  Ref main_entity(bool (*pred)(std::string_view)) const {
    Ref fallback;
    for (Ref e : entities_) {
      if (!any_of_types(types_of(e), pred) || !is_top_level(e)) continue;
      if (e.member("headline").valid()) return e;
      if (!fallback.valid()) fallback = e;
    }
    return fallback;
  }

  void read_article(Ref article) {
    facts_.headline = first_string(article.member("headline"));
    if (facts_.headline.empty()) facts_.headline = first_string(article.member("name"));
    facts_.date_published = first_string(article.member("datePublished"));
    if (facts_.date_published.empty()) facts_.date_published = first_string(article.member("dateCreated"));
    facts_.date_modified = first_string(article.member("dateModified"));
    facts_.description = first_string(article.member("description"));
    Ref author = article.member("author");
    read_people(author.valid() ? author : article.member("creator"));
    // A personal blog names its author as publisher: that is no organisation.
    Ref publisher = resolve(article.member("publisher"));
    if (publisher.is(JsonKind::object) && !any_of_types(types_of(publisher), is_person_type))
      facts_.publisher = name_of(publisher);
    if (publisher.is(JsonKind::string)) facts_.publisher = first_string(publisher);
  }

  // The fields that say what the item is and how it looks rather than who
  // made it when.
  void read_descriptors(Ref item) {
    if (!item.valid()) return;
    facts_.alternative_headline = first_string(item.member("alternativeHeadline"));
    facts_.image = image_url(item.member("image"));
    if (facts_.image.empty()) facts_.image = image_url(item.member("primaryImageOfPage"));
    facts_.keywords = strings_of(item.member("keywords"));
    facts_.sections = strings_of(item.member("articleSection"));
    Ref license = resolve(item.member("license"));
    facts_.license = license.is(JsonKind::object) ? first_string(license.member("url")) : first_string(license);
    if (facts_.license.empty() && license.is(JsonKind::object)) facts_.license = name_of(license);
  }

  // "url", {"@type": "ImageObject", "url": ...}, an @id reference to one, or
  // an array of these: the first URL.
  std::string image_url(Ref v) const {
    std::vector<int32_t> items;
    if (v.is(JsonKind::array)) items = v.json->children(v.node);
    else if (v.valid()) items.push_back(v.node);
    for (int32_t item : items) {
      Ref image = resolve({v.json, item});
      std::string url;
      if (image.is(JsonKind::string)) url = clean_text(image.value().text);
      if (image.is(JsonKind::object)) url = first_string(image.member("url"));
      if (image.is(JsonKind::object) && url.empty()) url = first_string(image.member("contentUrl"));
      if (!url.empty()) return url;
    }
    return {};
  }

  static std::vector<std::string> strings_of(Ref v) {
    std::vector<std::string> out;
    if (v.is(JsonKind::string)) out.push_back(clean_text(v.value().text));
    if (v.is(JsonKind::array))
      for (int32_t c : v.json->children(v.node))
        if (v.json->node(c).kind == JsonKind::string) out.push_back(clean_text(v.json->node(c).text));
    return out;
  }

  void read_top_level_types() {
    for (Ref e : entities_)
      if (is_top_level(e))
        for (std::string& t : types_of(e)) facts_.top_level_types.push_back(std::move(t));
  }

  std::string name_of(Ref object) const {
    std::string name = first_string(object.member("name"));
    if (!name.empty()) return name;
    std::string given = first_string(object.member("givenName"));
    std::string family = first_string(object.member("familyName"));
    return collapse_whitespace(given + " " + family);
  }

  // Person (or untyped) names become authors, organisations authors of last
  // resort: a sloppy page types its writer as an Organization, so their name
  // is not banned from other sources either.
  void read_people(Ref value) {
    std::vector<int32_t> items;
    if (value.is(JsonKind::array)) {
      items = value.json->children(value.node);
    } else if (value.valid()) {
      items.push_back(value.node);
    }
    for (int32_t item : items) {
      Ref person = resolve({value.json, item});
      if (person.is(JsonKind::string)) {
        facts_.authors.push_back({clean_text(person.value().text), false});
        continue;
      }
      if (!person.is(JsonKind::object)) continue;
      std::vector<std::string> types = types_of(person);
      bool typed_person = any_of_types(types, is_person_type);
      std::string name = name_of(person);
      if (name.empty()) continue;
      if (typed_person || types.empty()) facts_.authors.push_back({std::move(name), typed_person});
      else if (any_of_types(types, is_organisation_type)) facts_.authors.push_back({std::move(name), false, true});
    }
  }

  void read_site_names() {
    for (Ref e : entities_) {
      std::vector<std::string> types = types_of(e);
      if (any_of_types(types, is_website_type) && facts_.website.empty()) facts_.website = name_of(e);
      // Yoast types a one-person site as both Person and Organization.
      if (any_of_types(types, is_organisation_type) && !any_of_types(types, is_person_type) && is_top_level(e))
        facts_.organisations.push_back(name_of(e));
    }
    if (!facts_.publisher.empty()) facts_.organisations.push_back(facts_.publisher);
  }

  std::vector<Json> docs_;
  std::vector<Ref> entities_;  // typed objects, in document order
  std::unordered_map<std::string, Ref> by_id_;
  JsonLdFacts facts_;
};

}  // namespace

JsonLdFacts read_jsonld(const std::vector<std::string_view>& scripts) {
  if (scripts.empty()) return {};
  return JsonLdReader(scripts).read();
}

}  // namespace lede::metadata
