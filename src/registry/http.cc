#include "registry/http.h"

#include <mutex>

#include <fmt/format.h>

#include "base/utf8.h"

#if SHIPSHAPE_REGISTRY
#include <curl/curl.h>
#endif

namespace shipshape::registry {

#if SHIPSHAPE_REGISTRY
namespace {

struct Sink {
  HttpResponse* response;
  std::size_t max_body;
  bool too_large = false;
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->response->body.size() + n > sink->max_body) {
    sink->too_large = true;
    return 0;  // makes curl fail the transfer
  }
  sink->response->body.append(data, n);
  return n;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    sink->response->headers.clear();  // a new response (after a redirect or 100 Continue)
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name = base::ToLower(line.substr(0, colon));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  std::string& slot = sink->response->headers[name];
  if (name == "www-authenticate" && !slot.empty()) {
    slot += ", ";
    slot += value;
  } else {
    slot = std::string(value);
  }
  return n;
}

}  // namespace

bool HaveHttp() { return true; }

HttpResponse Perform(const HttpRequest& request) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  HttpResponse response;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    response.error = "cannot start libcurl";
    return response;
  }
  Sink sink{&response, request.max_body};
  curl_slist* headers = nullptr;
  for (const std::string& h : request.headers) headers = curl_slist_append(headers, h.c_str());
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, request.timeout_ms);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, request.connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  // Never relaxed: plain HTTP is chosen per registry (endpoint.h), never unverified TLS.
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "shipshape/" SHIPSHAPE_VERSION);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &sink);
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  const CURLcode code = curl_easy_perform(curl);
  if (code == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  } else if (sink.too_large) {
    response.error = fmt::format("the response is larger than {} bytes", request.max_body);
  } else {
    response.error = error[0] != '\0' ? std::string(error) : curl_easy_strerror(code);
    response.transient = code == CURLE_COULDNT_CONNECT || code == CURLE_OPERATION_TIMEDOUT ||
                         code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR ||
                         code == CURLE_GOT_NOTHING || code == CURLE_PARTIAL_FILE;
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return response;
}

#else  // built without libcurl (the fully static build)

bool HaveHttp() { return false; }

HttpResponse Perform(const HttpRequest& request) {
  HttpResponse response;
  response.error = fmt::format("cannot fetch {}: this shipshape was built without libcurl "
                               "(use --offline with a lock file)",
                               request.url);
  return response;
}

#endif

}  // namespace shipshape::registry
