@form-errors @wrong-details @regression
Feature: Wrong details caught on the form, before any review
  Mistakes the form can see for itself (an ID number that fails its check, a birth date that is not
  the one in the ID number, a missing photo) are shown at once beside the field, and cost no attempt.

  Scenario Outline: The form points at the mistake and no attempt is used
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with <mistake>
    Then the form tells her that <problem>
    And no attempt was used

    @web
    Examples: on the website
      | mistake                                              | problem                                        |
      | an ID number whose check character is wrong          | the ID number's check character is wrong       |
      | a date of birth that is not the one in her ID number | the date of birth does not match the ID number |
      | no photo of the back of her ID card                  | the photo of the back is required              |

    @mobile
    Examples: on the phone app
      | mistake                                              | problem                                        |
      | an ID number whose check character is wrong          | the ID number's check character is wrong       |
      | a date of birth that is not the one in her ID number | the date of birth does not match the ID number |
      | no photo of the back of her ID card                  | the photo of the back is required              |
