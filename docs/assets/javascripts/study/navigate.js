// Going to another page the way a click on a link does, so that Material's instant
// navigation (navigation.instant) handles it when it is on.

export function navigateTo(href) {
  const link = document.createElement("a")
  link.href = href
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}
