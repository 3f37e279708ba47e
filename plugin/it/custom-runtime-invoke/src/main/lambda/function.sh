# The function: answers {"message": "Hello from bash", "event": <the event>}.
greet() {
  printf '{"message":"Hello from bash","event":%s}' "${1:-null}"
}
