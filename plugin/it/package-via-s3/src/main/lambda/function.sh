# The function: answers with the size of the ballast it was deployed with, and the event.
greet() {
  printf '{"ballast":%s,"event":%s}' "$(wc -c < "${LAMBDA_TASK_ROOT}/ballast.bin" | tr -d ' ')" "${1:-null}"
}
