@status @regression
Feature: Why verification failed, and what the user can do next
  The status page names every reason the review found, in the user's words and word for word in both
  languages, and offers to retry when the reason can be fixed, or to contact support when it cannot
  (the guide's failure causes). A final rejection offers no retry however the user comes back to it.

  Scenario Outline: A rejected user sees the reason and the way forward
    Given a user whose verification failed because <reason>
    And she is logged in
    When she opens identity verification from the personal center
    Then she sees that her verification failed because <reason>, and for nothing else
    And she is <offered>
    And the page says the same in her other language

    @web
    Examples: on the website
      | reason                                           | offered                 |
      | the photo was blurry                             | offered to retry        |
      | the photo had glare                              | offered to retry        |
      | the document was covered                         | offered to retry        |
      | the photo quality was too low                    | offered to retry        |
      | the document could not be read                   | offered to retry        |
      | the back of the ID card was missing              | offered to retry        |
      | the name did not match                           | offered to retry        |
      | the ID number did not match                      | offered to retry        |
      | the date of birth did not match                  | offered to retry        |
      | the document had expired                         | offered to retry        |
      | the document type is not accepted in her region  | offered to retry        |
      | she is under 18                                  | sent to customer support |
      | her region is not supported                      | sent to customer support |
      | the document is verified on another account      | sent to customer support |
      | she tried too many times                         | sent to customer support |

    @mobile
    Examples: on the phone app
      | reason                                           | offered                 |
      | the photo was blurry                             | offered to retry        |
      | the photo had glare                              | offered to retry        |
      | the document was covered                         | offered to retry        |
      | the photo quality was too low                    | offered to retry        |
      | the document could not be read                   | offered to retry        |
      | the back of the ID card was missing              | offered to retry        |
      | the name did not match                           | offered to retry        |
      | the ID number did not match                      | offered to retry        |
      | the date of birth did not match                  | offered to retry        |
      | the document had expired                         | offered to retry        |
      | the document type is not accepted in her region  | offered to retry        |
      | she is under 18                                  | sent to customer support |
      | her region is not supported                      | sent to customer support |
      | the document is verified on another account      | sent to customer support |
      | she tried too many times                         | sent to customer support |

  Scenario Outline: A final rejection offers no retry however she comes back to it
    Given a user whose verification failed because <reason>
    And she is logged in
    When she opens identity verification from the personal center
    Then she is sent to customer support
    And she is told that her verification cannot be retried
    When she reloads the page
    Then she is sent to customer support
    When she goes back and returns to the page
    Then she is sent to customer support
    When she opens her verification again later, from a bookmark or the app's icon
    Then she is sent to customer support
    And she sees that her verification failed because <reason>, and for nothing else

    @web
    Examples: on the website
      | reason                                      |
      | she is under 18                             |
      | the document is verified on another account |

    @mobile
    Examples: on the phone app
      | reason                                      |
      | her region is not supported                 |
      | the document is verified on another account |
