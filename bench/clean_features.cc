// bench_clean_features [--scores] CORPUS.jsonl...
//
// Prints the line model's inputs for every line of every document in the
// JSONL corpora (the "text" member; "id" names the document), as
// tab-separated rows "id, line number, inputs...", after a header row of
// the inputs' names: the training data of bench/clean_train.py. With
// --scores, each row ends with the shipped model's first-stage log-odds, the
// second stage's inputs and its log-odds, to check that they agree with the
// script's.
#include <cstdio>
#include <string>

#include "clean/classify.h"
#include "clean/line_context.h"
#include "clean/line_model.h"
#include "clean/lines.h"
#include "io/jsonl.h"
#include "lede/lede.h"

namespace {

void print_document(const lede::io::JsonlPage& page, bool scores) {
  size_t replaced = 0;
  std::string text = lede::clean::repair_utf8(page.html, replaced);
  std::vector<lede::clean::Line> lines = lede::clean::split_lines(text);
  std::vector<std::string_view> reasons = lede::clean::chrome_words_reasons(lines);
  std::vector<bool> flagged(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) flagged[i] = !reasons[i].empty();
  std::vector<lede::clean::LineModelInputs> inputs = lede::clean::line_model_inputs(lines, flagged);
  std::vector<double> first(lines.size());
  std::vector<lede::clean::ContextInputs> context;
  if (scores) {
    for (size_t i = 0; i < lines.size(); ++i) first[i] = flagged[i] ? 0 : lede::clean::article_log_odds(inputs[i]);
    context = lede::clean::context_inputs(lines, first, flagged);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    std::printf("%s\t%zu", page.id.c_str(), lines[i].number);
    for (double x : inputs[i]) std::printf("\t%.6g", x);
    if (scores) {
      std::printf("\t%.9g", first[i]);
      for (float x : context[i]) std::printf("\t%.9g", double(x));
      std::printf("\t%.9g", lede::clean::context_log_odds(inputs[i], context[i]));
    }
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool scores = argc > 1 && std::string_view(argv[1]) == "--scores";
  std::printf("id\tline");
  for (std::string_view name : lede::clean::kLineModelInputNames) std::printf("\t%.*s", int(name.size()), name.data());
  if (scores) {
    std::printf("\tfirst_stage");
    for (std::string_view name : lede::clean::kContextInputNames) std::printf("\t%.*s", int(name.size()), name.data());
    std::printf("\tsecond_stage");
  }
  std::printf("\n");
  lede::io::JsonlFieldNames names;
  names.html = "text";
  lede::io::JsonlPageReader reader;
  try {
    for (int a = scores ? 2 : 1; a < argc; ++a) {
      lede::io::LineReader file(argv[a], size_t{1} << 30);
      std::string line, problem;
      while (file.next(line, problem) == lede::io::LineReader::Status::line) {
        lede::io::JsonlPage page;
        if (reader.read(line, names, page, problem)) print_document(page, scores);
      }
    }
  } catch (const lede::Error& error) {
    std::fprintf(stderr, "bench_clean_features: %s\n", error.what());
    return 1;
  }
  return 0;
}
